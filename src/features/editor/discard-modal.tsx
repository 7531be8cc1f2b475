import { Button, Group, Modal, Text } from '@mantine/core';

export interface DiscardModalProps {
  opened: boolean;
  /** The section whose changes go, as its title says it ("Settings"). */
  section: string;
  onKeep: () => void;
  onDiscard: () => void;
}

/**
 * Asks before unsaved changes are thrown away: nothing of them is left to bring back. "Keep
 * editing" has the focus, so Enter or Escape alone loses nothing; closing without a choice keeps
 * the changes, and the focus goes back to "Discard changes".
 */
export function DiscardModal({ opened, section, onKeep, onDiscard }: DiscardModalProps) {
  return (
    <Modal opened={opened} onClose={onKeep} title="Discard unsaved changes?" centered>
      <Text size="sm">
        Discard your unsaved changes to {section}? They have not been saved to staging, and cannot be brought
        back.
      </Text>
      <Group justify="flex-end" mt="lg" gap="sm">
        <Button variant="default" onClick={onKeep} data-autofocus>
          Keep editing
        </Button>
        <Button color="red" onClick={onDiscard}>
          Discard
        </Button>
      </Group>
    </Modal>
  );
}
