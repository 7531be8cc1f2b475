import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { memo, useState } from 'react';
import { errorMessage } from '@/api/api-error';
import { useDeleteAgent } from '@/api/agents/delete';
import { ConsoleIcon } from '@/components/console-icon';

export interface DeleteAgentModalProps {
  opened: boolean;
  agentId: number;
  agentName: string;
  onClose: () => void;
  onDeleted: () => void;
  /** Once the modal has closed: where the keyboard focus goes back to. */
  onClosed?: () => void;
}

/**
 * Deleting is final, so the name is typed to confirm. While the delete runs the dialog cannot be
 * closed: its outcome (the way back to the list, or why nothing was deleted) is shown in it.
 */
export const DeleteAgentModal = memo(function DeleteAgentModal({
  opened,
  agentId,
  agentName,
  onClose,
  onDeleted,
  onClosed,
}: DeleteAgentModalProps) {
  const remove = useDeleteAgent();
  const close = () => {
    if (remove.isPending) return;
    // The next opening starts without the last one's failure.
    remove.reset();
    onClose();
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      withCloseButton={!remove.isPending}
      title="Delete agent"
      centered
      onExitTransitionEnd={onClosed}
    >
      <DeleteAgentForm
        agentId={agentId}
        agentName={agentName}
        remove={remove}
        onCancel={close}
        onDeleted={onDeleted}
      />
    </Modal>
  );
});

interface DeleteAgentFormProps {
  agentId: number;
  agentName: string;
  remove: ReturnType<typeof useDeleteAgent>;
  onCancel: () => void;
  onDeleted: () => void;
}

function DeleteAgentForm({ agentId, agentName, remove, onCancel, onDeleted }: DeleteAgentFormProps) {
  const [typed, setTyped] = useState('');
  const matches = typed.trim() === agentName.trim();

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!matches) return;
        remove.mutate(agentId, { onSuccess: onDeleted });
      }}
    >
      <Stack gap="md">
        {/* A name may be one long word: it breaks rather than running out of the dialog. */}
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          This removes “{agentName}” from staging and production, with its whole publish history. End users
          lose it at once. This cannot be undone.
        </Text>
        <TextInput
          label={`Type the agent's name to confirm`}
          value={typed}
          onChange={(e) => setTyped(e.currentTarget.value)}
          autoComplete="off"
          data-autofocus
        />
        {remove.isError && (
          <Alert
            color="red"
            variant="light"
            icon={<ConsoleIcon name="alert" />}
            role="alert"
            title="The agent was not deleted"
          >
            {errorMessage(remove.error)}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} disabled={remove.isPending}>
            Cancel
          </Button>
          <Button type="submit" color="red" disabled={!matches} loading={remove.isPending}>
            Delete agent
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
