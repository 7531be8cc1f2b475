import { Group, Kbd, Modal, Table, Text } from '@mantine/core';
import { SHORTCUTS } from './shortcuts';

export interface ShortcutsModalProps {
  opened: boolean;
  onClose: () => void;
}

export function ShortcutsModal({ opened, onClose }: ShortcutsModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Keyboard shortcuts" centered size="md">
      <Table verticalSpacing="xs" aria-label="Keyboard shortcuts">
        <Table.Tbody>
          {SHORTCUTS.map((s) => (
            <Table.Tr key={s.action}>
              <Table.Td w={80}>
                <Group gap={4}>
                  {s.keys.map((k) => (
                    <Kbd key={k}>{k}</Kbd>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>{s.description}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed" mt="sm">
        Shortcuts are off while you type in a field.
      </Text>
    </Modal>
  );
}
