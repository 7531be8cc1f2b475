import { Button, Input } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { catalogQueries } from '@/api/catalog/queries';
import { ConsoleIcon } from '@/components/console-icon';
import { projectSelectData } from './project-select-data';

export interface ProjectFilterProps {
  value: number | null;
  onChange: (projectId: number | null) => void;
}

const ALL = '';

/**
 * The browser's own select, projects grouped by team: type-ahead and the keyboard work as users
 * expect everywhere, and the list's first load does not carry a combobox and its positioning
 * engine.
 */
export function ProjectFilter({ value, onChange }: ProjectFilterProps) {
  const projects = useQuery(catalogQueries.projects());
  // Projects already loaded stay usable when a later refetch fails.
  const failed = projects.isError && !projects.data;
  const firstOption = projects.isPending
    ? 'Loading projects…'
    : failed
      ? 'Projects did not load'
      : 'All projects';
  const groups = projectSelectData(projects.data ?? []);
  // A project from the URL stays selected (by id) until the catalogue says what it is called.
  const known = value === null || groups.some((g) => g.items.some((i) => i.value === String(value)));
  return (
    <>
      <Input
        component="select"
        aria-label="Project"
        value={value === null ? ALL : String(value)}
        onChange={(e) => onChange(e.currentTarget.value === ALL ? null : Number(e.currentTarget.value))}
        disabled={failed}
        rightSection={<ConsoleIcon name="chevron-down" size={14} />}
        rightSectionPointerEvents="none"
        pointer
        w={{ base: '100%', sm: 240 }}
      >
        <option value={ALL}>{firstOption}</option>
        {!known && <option value={String(value)}>Project {value}</option>}
        {groups.map((g) => (
          <optgroup key={g.group} label={g.group}>
            {g.items.map((i) => (
              <option key={i.value} value={i.value}>
                {i.label}
              </option>
            ))}
          </optgroup>
        ))}
      </Input>
      {failed && (
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={<ConsoleIcon name="refresh" size={14} />}
          loading={projects.isFetching}
          onClick={() => void projects.refetch()}
        >
          Load projects again
        </Button>
      )}
    </>
  );
}
