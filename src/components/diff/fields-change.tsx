import { Table, Text } from '@mantine/core';
import { fieldRows, humanizeKey, pluralize } from '@/lib/format-value';

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
 * one column.
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
    </>
  );
}
