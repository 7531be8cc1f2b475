import { useState } from 'react';
import { Modal } from '@mantine/core';
import type { PublishRecord } from '@/api/adapter';
import { useRollback } from '@/api/publishes/rollback';
import { RevertModalBody } from './revert-modal-body';

export interface RevertModalProps {
  agentId: number;
  record: PublishRecord;
  opened: boolean;
  onClose: () => void;
  canRollback: boolean;
}

/**
 * "Revert to this version…": the server's preview of what would change in staging and, once
 * that is published, in production; then the rollback. The body mounts on each opening, so a
 * fresh preview is fetched, and closing forgets the rollback's outcome, so an earlier failure is
 * not shown again.
 */
export function RevertModal({ agentId, record, opened, onClose, canRollback }: RevertModalProps) {
  // The question is answered once the revert is done; the title then says what happened.
  const [reverted, setReverted] = useState(false);
  // Here, not in the body, so that the dialog stays open while the revert runs: its outcome (done,
  // or why nothing was reverted) is shown in it.
  const rollback = useRollback(agentId);
  const close = () => {
    if (rollback.isPending) return;
    onClose();
    setReverted(false);
    rollback.reset();
  };
  const title = reverted
    ? `Staging reverted to version ${record.version}`
    : canRollback
      ? `Revert to version ${record.version}?`
      : `What reverting to version ${record.version} would change`;
  return (
    <Modal.Root
      opened={opened}
      onClose={close}
      size="72rem"
      padding="lg"
      styles={{ title: { fontWeight: 650, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      <Modal.Overlay />
      <Modal.Content>
        {/* Mantine's header is a <header>: read as a second banner landmark beside the app's own.
            The dialog is named by its title already. */}
        <Modal.Header role="none">
          <Modal.Title>{title}</Modal.Title>
          {!rollback.isPending && <Modal.CloseButton aria-label="Close" />}
        </Modal.Header>
        <Modal.Body>
          {opened && (
            <RevertModalBody
              agentId={agentId}
              record={record}
              canRollback={canRollback}
              rollback={rollback}
              onClose={close}
              onReverted={() => setReverted(true)}
            />
          )}
        </Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}
