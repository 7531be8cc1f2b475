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

/**
 * A short value read as "production → staging". The arrow leads the staging value, so that when
 * the two do not fit on one line (a phone, a long value) it starts the staging line rather than
 * dangling after the production value.
 */
export function ScalarChange({ path, change, before, after, beforeLabel, afterLabel }: ScalarChangeProps) {
  return (
    <Group gap="sm" align="flex-start" wrap="wrap">
      <ValueCell
        label={beforeLabel}
        value={change === 'added' ? null : formatFieldValue(path, before)}
        tone="before"
      />
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
  const arrow = tone === 'after';
  return (
    // A grid so that the label sits over the value, the arrow (staging's) at the value's left.
    <Box
      style={{
        display: 'grid',
        gridTemplateColumns: arrow ? 'auto minmax(0, 1fr)' : 'minmax(0, 1fr)',
        columnGap: 'var(--mantine-spacing-sm)',
        alignItems: 'center',
        minWidth: 0,
        maxWidth: '100%',
      }}
    >
      <Text size="xs" c="dimmed" mb={2} style={{ gridColumn: arrow ? 2 : 1 }}>
        {label}
      </Text>
      {arrow && (
        <Text aria-hidden c="dimmed" style={{ gridColumn: 1, gridRow: 2 }}>
          →
        </Text>
      )}
      {value === null ? (
        <Text size="sm" c="dimmed" fs="italic" px="xs" py={4} style={{ gridColumn: arrow ? 2 : 1 }}>
          Not present
        </Text>
      ) : (
        <Text
          size="sm"
          px="xs"
          py={4}
          ff="monospace"
          bg={`var(--mantine-color-${color}-light)`}
          style={{
            gridColumn: arrow ? 2 : 1,
            borderRadius: 'var(--mantine-radius-sm)',
            overflowWrap: 'anywhere',
          }}
        >
          {value}
        </Text>
      )}
    </Box>
  );
}
