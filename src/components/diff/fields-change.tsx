import { Stack, Table, Text } from '@mantine/core';
import { fieldRows, humanizeKey, itemConfigs, pluralize } from '@/lib/format-value';
import { TextDiff } from './text-diff';

export interface FieldsChangeProps {
  before: unknown;
  after: unknown;
  beforeLabel: string;
  afterLabel: string;
}

const valueCell = (value: string) => (
  <Text span inherit ff="monospace" style={{ overflowWrap: 'anywhere' }}>
    {value}
  </Text>
);

/**
 * A flat object (a guardrail, a knowledge source, a tool with its actions) member by member. An
 * item changed shows only the members that differ; one added or removed shows what it holds, in
 * one column. The rows name a tool's actions only, so each action's config follows as JSON, as a
 * changed action config reads: it goes live with the tool.
 */
export function FieldsChange({ before, after, beforeLabel, afterLabel }: FieldsChangeProps) {
  const rows = fieldRows(before, after);
  const oneSide =
    before === null || before === undefined
      ? 'after'
      : after === null || after === undefined
        ? 'before'
        : null;

  if (oneSide) {
    return (
      <Stack gap="sm">
        <Table withTableBorder layout="fixed" fz="sm" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="30%">Field</Table.Th>
              <Table.Th>{`Only in ${oneSide === 'after' ? afterLabel : beforeLabel}`}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.key}>
                <Table.Td>{humanizeKey(row.key)}</Table.Td>
                <Table.Td>{valueCell(oneSide === 'after' ? row.after : row.before)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <ItemConfigs
          before={before}
          after={after}
          beforeLabel={beforeLabel}
          afterLabel={afterLabel}
          oneSide={oneSide}
        />
      </Stack>
    );
  }

  const changed = rows.filter((row) => row.changed);
  const unchanged = rows.length - changed.length;
  return (
    <>
      <Table withTableBorder layout="fixed" fz="sm" verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="30%">Field</Table.Th>
            <Table.Th>{beforeLabel}</Table.Th>
            <Table.Th>{afterLabel}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {changed.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Td>{humanizeKey(row.key)}</Table.Td>
              <Table.Td bg="var(--mantine-color-red-light)">{valueCell(row.before)}</Table.Td>
              <Table.Td bg="var(--mantine-color-teal-light)">{valueCell(row.after)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {unchanged > 0 && (
        <Text size="xs" c="dimmed" mt={4}>
          {pluralize(unchanged, 'other field')} unchanged.
        </Text>
      )}
      <ItemConfigs before={before} after={after} beforeLabel={beforeLabel} afterLabel={afterLabel} />
    </>
  );
}

interface ItemConfigsProps extends FieldsChangeProps {
  /** The one side an item added or removed has. */
  oneSide?: 'before' | 'after';
}

function ItemConfigs({ before, after, beforeLabel, afterLabel, oneSide }: ItemConfigsProps) {
  const configs = itemConfigs(before, after);
  if (configs.length === 0) return null;
  return (
    <Stack gap="sm" mt={oneSide ? 0 : 'sm'}>
      {configs.map((config) => (
        <Stack key={config.key} gap={4} role="group" aria-label={config.label}>
          <Text size="sm" fw={600}>
            {config.label}
          </Text>
          <TextDiff
            before={config.before}
            after={config.after}
            beforeLabel={beforeLabel}
            afterLabel={afterLabel}
            granularity="lines"
            mode={oneSide ? 'unified' : undefined}
            unifiedTitle={oneSide && `Only in ${oneSide === 'after' ? afterLabel : beforeLabel}`}
          />
        </Stack>
      ))}
    </Stack>
  );
}
