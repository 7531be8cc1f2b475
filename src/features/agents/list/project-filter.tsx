import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { catalogQueries } from '@/api/catalog/queries';
import { projectSelectData } from './project-select-data';

export interface ProjectFilterProps {
  value: number | null;
  onChange: (projectId: number | null) => void;
}

export function ProjectFilter({ value, onChange }: ProjectFilterProps) {
  const projects = useQuery(catalogQueries.projects());
  const placeholder = projects.isPending
    ? 'Loading projects…'
    : projects.isError
      ? 'Projects could not be loaded'
      : 'All projects';
  return (
    <Select
      aria-label="Project"
      placeholder={placeholder}
      data={projectSelectData(projects.data ?? [])}
      value={value === null ? null : String(value)}
      onChange={(v) => onChange(v ? Number(v) : null)}
      clearable
      searchable
      nothingFoundMessage="No project has that name"
      disabled={projects.isError}
      w={{ base: '100%', sm: 240 }}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
