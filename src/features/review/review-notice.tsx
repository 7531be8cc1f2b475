import { useEffect, useRef } from 'react';
import { Alert, Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { PublishRecord } from '@/api/adapter';
import { ConsoleIcon } from '@/components/console-icon';

export type ReviewNoticeValue =
  | { kind: 'published'; record: PublishRecord }
  /**
   * `changedTitles`: the sections whose changes differ from what the reviewer was looking at.
   * `refused`: a publish was refused for it; otherwise a refresh brought the new changes in.
   * `nothingLeft`: staging now matches production (its edits were published or reverted).
   */
  | { kind: 'staging-changed'; changedTitles: string[]; refused: boolean; nothingLeft?: boolean }
  | { kind: 'nothing-to-publish' };

export interface ReviewNoticeProps {
  agentId: number;
  notice: ReviewNoticeValue;
  onClose: () => void;
}

/** What happened to the last publish attempt, above the diff. */
export function ReviewNotice({ agentId, notice, onClose }: ReviewNoticeProps) {
  // The reviewer may be far down the diff when the outcome arrives: bring it to them.
  const ref = useRef<HTMLDivElement>(null);
  // Not so for changes a refresh brought in: nothing the reviewer did, and they may be typing a
  // note; the alert is announced, and the Viewed marks of what changed are cleared.
  const takesFocus = notice.kind !== 'staging-changed' || notice.refused;
  useEffect(() => {
    if (!takesFocus) return;
    ref.current?.scrollIntoView({ block: 'nearest' });
    ref.current?.focus({ preventScroll: true });
  }, [notice, takesFocus]);
  const common = {
    ref,
    tabIndex: -1,
    withCloseButton: true,
    closeButtonLabel: 'Dismiss',
    onClose,
    variant: 'light',
    style: { scrollMarginTop: 'var(--diff-scroll-margin)' },
  };
  if (notice.kind === 'published') {
    const { record } = notice;
    return (
      <Alert
        color="teal"
        title={`Published version ${record.version} to production`}
        icon={<ConsoleIcon name="check" />}
        {...common}
        role="status"
      >
        <Text size="sm">
          {record.summary.text}.{' '}
          {/* In the alert's text colour, underlined: the link colour on the dark scheme's teal is 4.0:1. */}
          <Anchor
            component={Link}
            to={`/agents/${agentId}/history?version=${record.version}`}
            inherit
            c="inherit"
            fw={600}
            underline="always"
          >
            See version {record.version} in the history
          </Anchor>
        </Text>
      </Alert>
    );
  }
  if (notice.kind === 'staging-changed') {
    const { changedTitles } = notice;
    // The sections are named whether or not they were marked: a reviewer who marked none is told
    // of no marks. Over an empty diff there is nothing to review again.
    const now = notice.nothingLeft
      ? 'Staging now matches production, so there is nothing left to review or publish.'
      : changedTitles.length > 0
        ? `The diff below is the current one; these sections changed (${changedTitles.join(', ')}), and any Viewed marks on them were cleared. Review them again, then publish.`
        : 'The diff below is the current one. Review it again, then publish.';
    return (
      <Alert
        color="orange"
        title="Staging changed while you were reviewing"
        icon={<ConsoleIcon name="alert" />}
        {...common}
        role="alert"
      >
        <Text size="sm">
          {notice.refused ? 'Nothing was published. ' : ''}
          {now}
        </Text>
      </Alert>
    );
  }
  return (
    <Alert
      color="gray"
      title="Nothing was published"
      icon={<ConsoleIcon name="alert" />}
      {...common}
      role="alert"
    >
      <Text size="sm">Staging already matches production: someone may have published these changes.</Text>
    </Alert>
  );
}
