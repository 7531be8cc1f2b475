import { Modal } from '@mantine/core';
import type { PublishRecord } from '@/api/adapter';
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
 * fresh preview is fetched and an earlier failure is forgotten.
 */
export function RevertModal({ agentId, record, opened, onClose, canRollback }: RevertModalProps) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={`Revert to version ${record.version}?`}
      size="72rem"
      padding="lg"
      styles={{ title: { fontWeight: 650, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      {opened && (
        <RevertModalBody agentId={agentId} record={record} canRollback={canRollback} onClose={onClose} />
      )}
    </Modal>
  );
}
