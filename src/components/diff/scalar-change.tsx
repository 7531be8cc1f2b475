import { Box, Group, Text } from '@mantine/core';
import type { ChangeKind } from '@contract';
import { formatFieldValue } from '@/lib/format-value';

export interface ScalarChangeProps {
  /** The field's path, for values shown by name ("High" for `high`). */
  path: string;
  change: ChangeKind;
  before: unknown;
  after: unknown;
  beforeLabel: string;
  afterLabel: string;
}

/** A short value read as "production → staging". */
export function ScalarChange({ path, change, before, after, beforeLabel, afterLabel }: ScalarChangeProps) {
  return (
    <Group gap="sm" align="stretch" wrap="wrap">
      <ValueCell
        label={beforeLabel}
        value={change === 'added' ? null : formatFieldValue(path, before)}
        tone="before"
      />
      <Text aria-hidden c="dimmed" style={{ alignSelf: 'flex-end' }} pb={6}>
        →
      </Text>
      <ValueCell
        label={afterLabel}
        value={change === 'removed' ? null : formatFieldValue(path, after)}
        tone="after"
      />
    </Group>
  );
}

interface ValueCellProps {
  label: string;
  /** null: the item does not exist on this side. */
  value: string | null;
  tone: 'before' | 'after';
}

function ValueCell({ label, value, tone }: ValueCellProps) {
  const color = tone === 'before' ? 'red' : 'teal';
  return (
    <Box style={{ minWidth: 0, maxWidth: '100%' }}>
      <Text size="xs" c="dimmed" mb={2}>
        {label}
      </Text>
      {value === null ? (
        <Text size="sm" c="dimmed" fs="italic" px="xs" py={4}>
          Not present
        </Text>
      ) : (
        <Text
          size="sm"
          px="xs"
          py={4}
          ff="monospace"
          bg={`var(--mantine-color-${color}-light)`}
          style={{ borderRadius: 'var(--mantine-radius-sm)', overflowWrap: 'anywhere' }}
        >
          {value}
        </Text>
      )}
    </Box>
  );
}
