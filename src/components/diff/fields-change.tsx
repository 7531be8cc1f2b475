import { Table, Text } from '@mantine/core';
import { fieldRows, humanizeKey } from '@/lib/format-value';

export interface FieldsChangeProps {
  before: unknown;
  after: unknown;
  beforeLabel: string;
  afterLabel: string;
}

/** Two flat objects (a guardrail, a tool's state) member by member; unchanged members dimmed. */
export function FieldsChange({ before, after, beforeLabel, afterLabel }: FieldsChangeProps) {
  const rows = fieldRows(before, after);
  return (
    <Table withTableBorder layout="fixed" fz="sm" verticalSpacing={4}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="30%">Field</Table.Th>
          <Table.Th>{beforeLabel}</Table.Th>
          <Table.Th>{afterLabel}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.key} c={row.changed ? undefined : 'dimmed'}>
            <Table.Td>{humanizeKey(row.key)}</Table.Td>
            <Table.Td bg={row.changed ? 'var(--mantine-color-red-light)' : undefined}>
              <Text span inherit ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                {row.before}
              </Text>
            </Table.Td>
            <Table.Td bg={row.changed ? 'var(--mantine-color-teal-light)' : undefined}>
              <Text span inherit ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                {row.after}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
