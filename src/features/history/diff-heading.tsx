import type { ReactNode } from 'react';
import { Button, Group, Title } from '@mantine/core';
import { toDiffWire, type Diff } from '@/api/adapter';
import { DiffViewModeToggle } from '@/components/diff';
import { downloadJson } from './download-json';

export interface DiffHeadingProps {
  title: ReactNode;
  /** The diff on screen, offered as a JSON download once loaded. */
  diff: Diff | undefined;
  fileName: string;
  /** What the download says the two sides are. */
  beforeLabel: string;
  afterLabel: string;
}

/** The title above a diff, with the split/unified switch and "Download diff". */
export function DiffHeading({ title, diff, fileName, beforeLabel, afterLabel }: DiffHeadingProps) {
  return (
    <Group justify="space-between" gap="sm" mb="md">
      <Title order={3} size="h4">
        {title}
      </Title>
      <Group gap="xs">
        <DiffViewModeToggle />
        <Button
          size="xs"
          variant="default"
          disabled={!diff}
          onClick={() =>
            diff && downloadJson(fileName, { before: beforeLabel, after: afterLabel, ...toDiffWire(diff) })
          }
        >
          Download diff
        </Button>
      </Group>
    </Group>
  );
}
