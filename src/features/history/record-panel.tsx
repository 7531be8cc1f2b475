import { memo, useEffect, useState } from 'react';
import { Blockquote, Button, Group, Stack, Text, Title } from '@mantine/core';
import type { PublishRecord } from '@/api/adapter';
import { TimeAgo } from '@/components/time-ago';
import { DownloadConfigButton } from './download-config-button';
import { RecordChanges } from './record-changes';
import { RecordMarkers } from './record-markers';
import { RevertModal } from './revert-modal';
import { useFocusOnOpen } from './use-focus-on-open';
import classes from './history.module.css';

export interface RecordPanelProps {
  agentId: number;
  record: PublishRecord;
  recordsByVersion: ReadonlyMap<number, PublishRecord>;
  knownVersions: ReadonlyMap<number, number>;
  compareOffered: boolean;
  canRollback: boolean;
  onCompare: (version: number) => void;
  /** Opened by the person's own "Back to the version": its heading takes the focus. */
  takeFocus?: boolean;
  /** Picked in the timeline above it (a narrow layout): its heading scrolls into view, once. */
  reveal?: boolean;
  /** The heading was scrolled into view for `reveal`. */
  onRevealed?: () => void;
}

function scrollBehavior(): ScrollBehavior {
  return window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
}

/** The selected publish: who, when and why, what it changed, and what can be done with it. */
export const RecordPanel = memo(function RecordPanel({
  agentId,
  record,
  recordsByVersion,
  knownVersions,
  compareOffered,
  canRollback,
  onCompare,
  takeFocus = false,
  reveal = false,
  onRevealed,
}: RecordPanelProps) {
  const [revertOpen, setRevertOpen] = useState(false);
  const heading = useFocusOnOpen<HTMLHeadingElement>(takeFocus);
  useEffect(() => {
    if (!reveal) return;
    heading.current?.scrollIntoView({ block: 'start', behavior: scrollBehavior() });
    onRevealed?.();
  }, [reveal, onRevealed, heading]);
  const { publishedBy } = record;
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="md">
          <Stack gap={4}>
            <Group gap="sm">
              <Title order={2} size="h3" ref={heading} tabIndex={-1} className={classes.recordHeading}>
                Version {record.version}
              </Title>
              <RecordMarkers
                agentId={agentId}
                record={record}
                rollbackVersion={
                  record.rolledBackTo === null ? undefined : knownVersions.get(record.rolledBackTo)
                }
                size="sm"
              />
            </Group>
            <Text size="sm" c="dimmed">
              Published by{' '}
              <Text span fw={600} c="var(--mantine-color-text)">
                {publishedBy.name}
              </Text>{' '}
              ({publishedBy.email}) · <TimeAgo value={record.publishedOn} />
            </Text>
          </Stack>
          <Group gap="xs" align="flex-start">
            {compareOffered && (
              <Button variant="default" onClick={() => onCompare(record.version)}>
                Compare…
              </Button>
            )}
            <DownloadConfigButton agentId={agentId} record={record} />
            {/* Without the rollback permission the same preview is offered, as what it is for them. */}
            {canRollback ? (
              <Button variant="light" color="orange" onClick={() => setRevertOpen(true)}>
                Revert to this version…
              </Button>
            ) : (
              <Button variant="default" onClick={() => setRevertOpen(true)}>
                Preview a revert…
              </Button>
            )}
          </Group>
        </Group>
        {record.note ? (
          <Blockquote p="sm" mt={4} className={classes.fullNote} color="gray">
            {record.note}
          </Blockquote>
        ) : (
          <Text size="sm" c="dimmed" fs="italic">
            Published without a note.
          </Text>
        )}
        {record.summary.text && <Text size="sm">{record.summary.text}</Text>}
      </Stack>
      <RecordChanges
        agentId={agentId}
        record={record}
        recordsByVersion={recordsByVersion}
        compareOffered={compareOffered}
      />
      <RevertModal
        agentId={agentId}
        record={record}
        opened={revertOpen}
        onClose={() => setRevertOpen(false)}
        canRollback={canRollback}
      />
    </Stack>
  );
});
