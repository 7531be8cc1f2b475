import { Alert, Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import type { Diff, PublishRecord } from '@/api/adapter';
import { agentQueries } from '@/api/agents/queries';
import { errorMessage, isApiError, isLostAnswer } from '@/api/api-error';
import { publishQueries } from '@/api/publishes/queries';
import { isUnconfirmedRollback, type useRollback } from '@/api/publishes/rollback';
import { ConsoleIcon } from '@/components/console-icon';
import { DiffSections, DiffViewModeToggle } from '@/components/diff';
import { revertOutcome } from '@/lib/revert-outcome';
import { asSentence } from '@/lib/sentence';
import { UnpublishedChangesWarning } from './unpublished-changes-warning';
import classes from './history.module.css';

export interface RevertModalBodyProps {
  agentId: number;
  record: PublishRecord;
  canRollback: boolean;
  /** The rollback, owned by the dialog around this body (which cannot close while it runs). */
  rollback: ReturnType<typeof useRollback>;
  onClose: () => void;
  /** Called once staging holds the reverted configuration. */
  onReverted?: () => void;
}

export function RevertModalBody({
  agentId,
  record,
  canRollback,
  rollback,
  onClose,
  onReverted,
}: RevertModalBodyProps) {
  const preview = useQuery(publishQueries.revertPreview(agentId, record.changeTrackId));
  // The staging revision the preview is read against, sent with the rollback: a staging edited
  // since then is refused (412) rather than overwritten unseen.
  const staging = useQuery({ ...agentQueries.detail(agentId), refetchOnMount: 'always' });
  // `canRollback` is false too while the permissions are unknown: a check that failed is no "no".
  // Once loaded they stay (a failed refetch keeps them), so only a check that never answered is
  // said, with a way to check again.
  const permissions = useQuery(agentQueries.permissions(agentId));
  const permissionsFailed = !canRollback && permissions.data === undefined && permissions.isError;
  const v = record.version;
  const failure = asSentence(errorMessage(rollback.error));
  const stale = isApiError(rollback.error) && rollback.error.status === 412;
  // A revert whose answer was lost, with staging unreadable too: nobody knows whether it happened.
  const unconfirmed = isUnconfirmedRollback(rollback.error);
  // Read again since that revert was sent: the preview now shows staging as it is.
  const rereadSince = preview.isSuccess && preview.dataUpdatedAt > rollback.submittedAt;
  // The preview on screen could not be read again (after a failed revert, say): it stays, as it
  // was when last read, with a way to read it again.
  const rereadFailed = preview.isError && preview.data !== undefined;
  const readAgain = () => void Promise.all([preview.refetch(), staging.refetch()]);
  const checkStaging = rereadFailed
    ? 'Read staging again, check it and confirm again.'
    : 'The preview now shows staging as it is: check it and confirm again.';

  const confirm = () =>
    rollback.mutate(
      {
        changeTrackId: record.changeTrackId,
        stagingRevision: staging.data?.stagingRevision,
        rolledBackOn: staging.data ? (staging.data.rolledBackTo?.on ?? null) : undefined,
        discardOnly: preview.data
          ? revertOutcome(preview.data, record.isLive).kind === 'discard-only'
          : false,
      },
      // On a 412 the rollback hook reads again everything the modal shows.
      { onSuccess: () => onReverted?.() },
    );

  if (rollback.isSuccess) {
    // What the revert left is told by staging as read after it, not by the preview: someone may
    // have published since the preview was read, and a revert the preview took for a mere discard
    // then leaves staging to publish. The preview's word only if staging was not read again.
    const after = staging.data && staging.dataUpdatedAt >= rollback.submittedAt ? staging.data : undefined;
    return (
      <RevertDone
        agentId={agentId}
        version={v}
        discarded={after ? !after.hasUnpublishedChanges : rollback.variables.discardOnly === true}
        onClose={onClose}
      />
    );
  }

  if (preview.isPending) {
    return (
      <Stack gap="sm" aria-label="Loading the preview">
        <Skeleton height={20} width="60%" />
        <Skeleton height={140} />
        <Skeleton height={140} />
      </Stack>
    );
  }
  const data = preview.data;
  // Never loaded: nothing to show but why.
  if (!data) {
    return (
      <Stack gap="md">
        <Alert color="red" title="The preview could not be loaded">
          {errorMessage(preview.error)}
        </Alert>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Close
          </Button>
          <Button onClick={() => void preview.refetch()} loading={preview.isFetching}>
            Try again
          </Button>
        </Group>
      </Stack>
    );
  }

  const outcome = revertOutcome(data, record.isLive);
  const confirmable = canRollback && outcome.changesStaging;

  return (
    <Stack gap="lg">
      {data.discardsUnpublishedChanges && (
        <UnpublishedChangesWarning agentId={agentId} revertedPaths={revertedPaths(data.staging)} />
      )}
      {outcome.kind === 'nothing-to-revert' ? (
        <Paper withBorder p="xl" radius="md">
          <Text ta="center" fw={600}>
            {outcome.sentence}
          </Text>
        </Paper>
      ) : (
        <>
          <Group justify="space-between" gap="sm" align="flex-start">
            <Text style={{ flex: '1 1 18rem' }}>{outcome.sentence}</Text>
            <DiffViewModeToggle />
          </Group>
          <section aria-labelledby="revert-staging-title">
            <Title order={3} size="h4" id="revert-staging-title" mb="sm">
              What changes in staging
            </Title>
            <DiffSections
              diff={data.staging}
              beforeLabel="Staging now"
              afterLabel={`Staging after the revert (version ${v})`}
              emptyText={`Staging already equals version ${v}: nothing changes there.`}
              idPrefix="revert-staging"
              regionNameSuffix="in staging"
            />
          </section>
          <section aria-labelledby="revert-production-title">
            <Title order={3} size="h4" id="revert-production-title" mb={4}>
              What changes in production once staging is published
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              The revert itself leaves production as it is.
            </Text>
            <DiffSections
              diff={data.production}
              beforeLabel="Live now"
              afterLabel={`Live after publishing (version ${v})`}
              emptyText={`Production already holds the configuration of version ${v}: publishing would change nothing.`}
              idPrefix="revert-production"
              regionNameSuffix="in production once published"
            />
          </section>
        </>
      )}

      <div className={classes.modalFooter}>
        {rollback.isError && (
          <Alert
            color="red"
            title={unconfirmed ? 'The revert could not be confirmed' : 'The revert failed'}
            role="alert"
            mb="sm"
          >
            {stale
              ? `Staging changed while you were looking at this preview, so nothing was reverted. ${checkStaging}`
              : unconfirmed && rereadSince
                ? `${failure} No answer came back, and staging could not be read then to tell whether the revert went through. The preview now shows staging as it is: check it before confirming again.`
                : unconfirmed
                  ? `${failure} No answer came back, and staging could not be read either, so whether the revert went through is not known. Read staging again once the server answers, before confirming again.`
                  : isLostAnswer(rollback.error)
                    ? `${failure} No answer came back, and staging, read again, does not show this revert. ${checkStaging}`
                    : `${failure} Nothing was changed.`}
          </Alert>
        )}
        {((unconfirmed && !rereadSince) || rereadFailed) && (
          <Group gap="sm" mb="sm" justify="space-between">
            {rereadFailed && (
              <Text size="sm" style={{ flex: '1 1 18rem' }}>
                The preview could not be read again: {asSentence(errorMessage(preview.error))} It shows
                staging as it was when last read.
              </Text>
            )}
            <Button
              variant="default"
              size="xs"
              ml="auto"
              onClick={readAgain}
              loading={preview.isFetching || staging.isFetching}
            >
              Read staging again
            </Button>
          </Group>
        )}
        {outcome.kind === 'nothing-to-revert' ? (
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Close
            </Button>
          </Group>
        ) : (
          // Wraps like the Publish dialog's: on a phone the buttons go under the note, and the
          // confirm button under Cancel, rather than past the dialog's edge.
          <Group justify="space-between" gap="sm" align="center">
            <Text size="sm" c="dimmed" maw={560}>
              {permissionsFailed
                ? `Your permissions could not be checked, so reverting is not offered: ${errorMessage(permissions.error)}`
                : !canRollback && permissions.data === undefined
                  ? 'Checking whether you may revert…'
                  : !canRollback
                    ? 'You can look at this preview, but only people with the rollback permission can revert. Ask an admin to do it.'
                    : !outcome.changesStaging
                      ? 'Reverting would change nothing in staging.'
                      : 'Production is not touched until someone publishes staging.'}
            </Text>
            {canRollback ? (
              <Group justify="flex-end" gap="sm" ml="auto">
                <Button variant="default" onClick={onClose} disabled={rollback.isPending}>
                  Cancel
                </Button>
                <Button
                  color="orange"
                  disabled={!confirmable || staging.isPending || preview.isFetching}
                  loading={rollback.isPending}
                  onClick={confirm}
                >
                  Revert staging to version {v}
                </Button>
              </Group>
            ) : (
              <Group justify="flex-end" gap="sm" ml="auto">
                {permissionsFailed && (
                  <Button
                    variant="default"
                    onClick={() => void permissions.refetch()}
                    loading={permissions.isFetching}
                  >
                    Check again
                  </Button>
                )}
                <Button variant="default" onClick={onClose}>
                  Close
                </Button>
              </Group>
            )}
          </Group>
        )}
      </div>
    </Stack>
  );
}

/** The paths a revert changes in staging, from its preview. */
function revertedPaths(staging: Diff): ReadonlySet<string> {
  return new Set(staging.sections.flatMap((s) => s.changes.map((c) => c.path)));
}

interface RevertDoneProps {
  agentId: number;
  version: number;
  /** Back to what production holds, only staging's edits went: there is nothing to publish. */
  discarded: boolean;
  onClose: () => void;
}

/**
 * What the revert did. It replaces the button that confirmed it, so it takes the focus: otherwise
 * the focus falls to the page behind the dialog, and a screen reader says nothing.
 */
function RevertDone({ agentId, version, discarded, onClose }: RevertDoneProps) {
  const outcome = useRef<HTMLDivElement>(null);
  useEffect(() => outcome.current?.focus(), []);
  return (
    <Stack gap="md">
      <Alert
        ref={outcome}
        tabIndex={-1}
        // Focused, it is read out once: as an alert too it would be read twice.
        role="status"
        color="teal"
        variant="light"
        icon={<ConsoleIcon name="check" size={20} />}
        title={discarded ? 'Staging matches production again' : `Staging now holds version ${version}`}
      >
        {discarded
          ? `What staging held beyond version ${version} was discarded. Production is unchanged, and there is nothing to publish.`
          : `Production is unchanged until staging is published. Review the changes, then publish them to make version ${version} live again.`}
      </Alert>
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose}>
          Close
        </Button>
        {!discarded && (
          <Button component={Link} to={`/agents/${agentId}/review`}>
            Review changes
          </Button>
        )}
      </Group>
    </Stack>
  );
}
