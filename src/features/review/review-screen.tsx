import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Anchor, Box, Button, Group, Kbd, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useDisclosure } from '@mantine/hooks';
import { useQuery, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import type { DiffSection } from '@/api/adapter';
import { agentQueries, can } from '@/api/agents/queries';
import { errorMessage, isApiError } from '@/api/api-error';
import { isAgentGone, isStaleReview, usePublishAgent } from '@/api/publishes/publish';
import { DiffSections, DiffViewModeToggle, orderedSections, useDiffViewMode } from '@/components/diff';
import { changedSections } from '@/lib/viewed-marks';
import { PublishModal, usePublishForm } from './publish-modal';
import { writePublishNote } from './publish-note';
import { ReviewNotice, type ReviewNoticeValue } from './review-notice';
import { SectionIndex } from './section-index';
import { ShortcutsModal } from './shortcuts-modal';
import { useReviewCursor } from './use-review-cursor';
import { useReviewShortcuts } from './use-review-shortcuts';
import { useViewedMarks } from './use-viewed-marks';
import { ViewedCheckbox } from './viewed-checkbox';
import classes from './review.module.css';

export const BEFORE_LABEL = 'Production (live)';
export const AFTER_LABEL = 'Staging';
export const EMPTY_TEXT = 'Staging matches production: nothing to publish.';
/** In the Publish button's place, for those who may not publish. */
const NO_PUBLISH_TEXT = 'Publishing needs a reviewer or an admin.';
/** In the Publish dialog and beside "Publish…", once a publish found the agent deleted. */
const GONE_TEXT = 'This agent was deleted, so nothing was published.';
const ID_PREFIX = 'review';

/** What the screen remembers of a refused publish, to say afterwards which sections changed. */
type Notice =
  | Exclude<ReviewNoticeValue, { kind: 'staging-changed' }>
  | {
      kind: 'staging-changed';
      reviewed: Readonly<Record<string, string | null>>;
      titles: Readonly<Record<string, string>>;
      refused: boolean;
    };

/** The changes as the publish dialog opened on them: what a publish from it approves. */
interface Reviewed {
  fingerprint: string;
  liveChangeTrackId: number | null;
  sections: DiffSection[];
  /** Each section's signature then: a refusal names the sections changed since. */
  signatures: Readonly<Record<string, string | null>>;
}

const titlesOf = (sections: readonly DiffSection[]): Readonly<Record<string, string>> =>
  Object.fromEntries(sections.map((s) => [s.key, s.title]));

export interface ReviewScreenProps {
  agentId: number;
}

/** The Review changes tab: the server's staging diff, review aids, and the publish. */
export function ReviewScreen({ agentId }: ReviewScreenProps) {
  // A reviewer coming back to the window sees staging as it is now, however soon they come back:
  // what is on screen is what Publish approves.
  const { data: diff } = useSuspenseQuery({
    ...agentQueries.stagingDiff(agentId),
    refetchOnWindowFocus: 'always',
  });
  const permissions = useQuery(agentQueries.permissions(agentId));
  const publish = usePublishAgent(agentId);
  const sections = useMemo(() => orderedSections(diff), [diff]);
  const viewed = useViewedMarks(agentId, sections);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [publishOpened, publishModal] = useDisclosure(false);
  const [shortcutsOpened, shortcutsModal] = useDisclosure(false);
  const [reviewed, setReviewed] = useState<Reviewed | null>(null);
  const publishForm = usePublishForm(agentId, reviewed?.fingerprint ?? diff.fingerprint);
  const cursor = useReviewCursor(sections, ID_PREFIX);
  const titles = useMemo(() => titlesOf(sections), [sections]);

  // The diff refreshes on its own (the window regains the focus, another tab saves): when that
  // brings other changes than the ones on screen, say so, and which sections they touch. Not the
  // refresh of this screen's own publish, done or refused, which comes while it is pending and
  // is taken as seen once it settles.
  const queryClient = useQueryClient();
  const fetchAgentAgain = useCallback(
    () =>
      void queryClient.invalidateQueries(
        { queryKey: agentQueries.detail(agentId).queryKey, exact: true },
        { cancelRefetch: false },
      ),
    [agentId, queryClient],
  );
  const shownFingerprint = useRef(diff.fingerprint);
  const lastSignatures = useRef(viewed.signatures);
  const lastTitles = useRef(titles);
  useEffect(() => {
    if (shownFingerprint.current === diff.fingerprint || publish.isPending) return;
    shownFingerprint.current = diff.fingerprint;
    fetchAgentAgain();
    const before = { reviewed: lastSignatures.current, titles: lastTitles.current };
    setNotice((current) =>
      current?.kind === 'staging-changed' ? current : { kind: 'staging-changed', refused: false, ...before },
    );
  }, [diff.fingerprint, publish.isPending, fetchAgentAgain]);
  // The agent above (its header, the Edit tab's form) is read apart from the diff, and may be
  // older: when the two disagree about unpublished changes, the agent is fetched again (a fetch
  // already under way, a publish's refresh, is left to finish). Staging changed by someone else
  // is the effect above's to notice; it fetches the agent again too.
  useEffect(() => {
    const agent = queryClient.getQueryData(agentQueries.detail(agentId).queryKey);
    if (agent && agent.hasUnpublishedChanges !== diff.hasChanges) fetchAgentAgain();
  }, [agentId, diff.hasChanges, queryClient, fetchAgentAgain]);
  const publishSettled = () => {
    const now = queryClient.getQueryData(agentQueries.stagingDiff(agentId).queryKey);
    if (now) shownFingerprint.current = now.fingerprint;
  };
  // After the effect above, so that it reads the signatures of the diff it replaced.
  useEffect(() => {
    lastSignatures.current = viewed.signatures;
    lastTitles.current = titles;
  });

  const hasChanges = diff.hasChanges && sections.length > 0;
  // Someone deleted the agent: the publish said so, and nothing is left to publish.
  const gone = isAgentGone(publish.error);
  // Each role sees what it may do: no Publish button for one known not to have the permission.
  // While the permissions are unknown (loading, or never loaded) the button stays, disabled, with
  // why. Once known they stay known: a refetch that fails (after a failed publish, the server
  // down for a moment) keeps them, as the query keeps its data.
  const permissionsUnknown = permissions.data === undefined;
  const mayNotPublish = !permissionsUnknown && !can(permissions.data, 'publish');
  const permissionsFailed = permissionsUnknown && permissions.isError;
  const blocked = !hasChanges
    ? EMPTY_TEXT
    : gone
      ? GONE_TEXT
      : permissionsFailed
        ? `Your permissions could not be checked: ${errorMessage(permissions.error)}`
        : permissionsUnknown
          ? 'Checking whether you may publish…'
          : null;

  useReviewShortcuts(!publishOpened && !shortcutsOpened, (action) => {
    if (action === 'help') shortcutsModal.open();
    else if (action === 'toggle-viewed') {
      const key = cursor.currentSectionKey();
      if (key) viewed.toggle(key);
    } else cursor.move(action);
  });

  const openPublish = () => {
    publish.reset();
    setReviewed({
      fingerprint: diff.fingerprint,
      liveChangeTrackId: diff.liveChangeTrackId,
      sections,
      signatures: viewed.signatures,
    });
    publishModal.open();
  };
  // A publish that found the agent deleted: once the dialog saying so is closed, the agent is
  // fetched again, and its 404 shows the page the agent's route has for a deleted agent.
  const closePublish = () => {
    publishModal.close();
    if (gone) fetchAgentAgain();
  };
  const closeOnOutcome = (outcome: Notice) => {
    publishModal.close();
    setNotice(outcome);
  };
  // The dialog closes on an outcome (a publish, or a review gone stale) and its notice takes the
  // focus, which must stay there; a dialog cancelled gives it back to "Publish…".
  const closedOnOutcome = publish.isSuccess || isStaleReview(publish.error);

  // What goes out is what the dialog opened on: a refresh meanwhile does not change what this
  // publish approves (the server refuses it with 412 if staging or production moved on).
  const confirmPublish = (note: string) => {
    if (!reviewed) return;
    // The outcome through the promise, not mutate's callbacks: those are skipped once the screen
    // is left, and a note that went out would then come back in the next publish's dialog.
    void publish
      .mutateAsync({
        note,
        expectedFingerprint: reviewed.fingerprint,
        liveChangeTrackId: reviewed.liveChangeTrackId,
      })
      .then(
        (record) => {
          // The note went out with the publish: the next one starts blank, here and in the tab.
          writePublishNote(agentId, '');
          publishForm.setInitialValues({ note: '' });
          publishForm.reset();
          closeOnOutcome({ kind: 'published', record });
        },
        (error: unknown) => {
          if (!isApiError(error)) return;
          if (error.code === 'STAGING_CHANGED')
            closeOnOutcome({
              kind: 'staging-changed',
              reviewed: reviewed.signatures,
              titles: titlesOf(reviewed.sections),
              refused: true,
            });
          else if (error.code === 'NOTHING_TO_PUBLISH') closeOnOutcome({ kind: 'nothing-to-publish' });
        },
      )
      .finally(publishSettled);
  };

  const shownNotice: ReviewNoticeValue | null =
    notice?.kind === 'staging-changed'
      ? {
          kind: 'staging-changed',
          changedTitles: changedSections(notice.reviewed, viewed.signatures).map(
            (key) => sections.find((s) => s.key === key)?.title ?? notice.titles[key] ?? key,
          ),
          refused: notice.refused,
          // Not "review them again, then publish" over an empty diff.
          nothingLeft: !hasChanges,
        }
      : notice;
  const modalError = gone
    ? 'This agent was deleted while you were reviewing it. Your note is kept above, to copy if you need it.'
    : publish.error && !isStaleReview(publish.error)
      ? errorMessage(publish.error)
      : null;

  const publishButton = mayNotPublish ? null : (
    <Button
      onClick={openPublish}
      disabled={blocked !== null}
      aria-describedby={blocked ? 'publish-blocked-reason' : undefined}
      fullWidth={hasChanges}
    >
      Publish…
    </Button>
  );

  return (
    <Stack gap="md" className={classes.root}>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <div>
          <Title order={2} size="h3">
            Review changes
          </Title>
          {/* With nothing to publish, the empty state below says so: no sides to describe. */}
          {hasChanges && <ReviewSubtitle />}
        </div>
        {hasChanges ? (
          <Group gap="sm">
            <DiffViewModeToggle />
            <Button
              variant="subtle"
              size="xs"
              // Shortcuts need a keyboard: not offered on a phone's width.
              visibleFrom="sm"
              onClick={shortcutsModal.open}
              rightSection={<Kbd size="xs">?</Kbd>}
            >
              Keyboard shortcuts
            </Button>
          </Group>
        ) : (
          publishButton
        )}
      </Group>

      {shownNotice && <ReviewNotice agentId={agentId} notice={shownNotice} onClose={() => setNotice(null)} />}

      {hasChanges ? (
        <div className={classes.layout}>
          <Stack gap="lg" className={classes.rail}>
            <SectionIndex
              sections={sections}
              activeKey={cursor.activeSectionKey}
              isViewed={viewed.isViewed}
              viewed={viewed.viewed}
              onJump={(section: DiffSection) => cursor.jumpToSection(section.key)}
            />
            {mayNotPublish ? (
              <Text size="sm" c="dimmed">
                {NO_PUBLISH_TEXT}
              </Text>
            ) : (
              <Stack gap={6}>
                {publishButton}
                {blocked && (
                  <Text id="publish-blocked-reason" size="xs" c="dimmed">
                    {blocked}
                  </Text>
                )}
                {permissionsFailed && !gone && (
                  <Button
                    variant="default"
                    size="xs"
                    onClick={() => void permissions.refetch()}
                    loading={permissions.isFetching}
                  >
                    Check again
                  </Button>
                )}
              </Stack>
            )}
            <Text size="xs" c="dimmed" visibleFrom="sm">
              Press <Kbd size="xs">?</Kbd> for keyboard shortcuts: <Kbd size="xs">j</Kbd>{' '}
              <Kbd size="xs">k</Kbd> move between changes.
            </Text>
          </Stack>

          <Box className={classes.diff} miw={0}>
            <DiffSections
              diff={diff}
              beforeLabel={BEFORE_LABEL}
              afterLabel={AFTER_LABEL}
              emptyText={EMPTY_TEXT}
              idPrefix={ID_PREFIX}
              renderSectionActions={(section) => (
                <ViewedCheckbox
                  title={section.title}
                  checked={viewed.isViewed(section.key)}
                  onChange={() => viewed.toggle(section.key)}
                  pending={viewed.isPending(section.key)}
                />
              )}
            />
          </Box>
        </div>
      ) : (
        <Paper withBorder radius="md" p="xl">
          <Stack align="center" gap={6}>
            <Text fw={600} id="publish-blocked-reason" ta="center">
              {EMPTY_TEXT}
            </Text>
            <Text size="sm" c="dimmed" ta="center">
              Edits made in the Edit tab appear here for review before they go live.{' '}
              {/* Underlined: within dimmed text its colour alone does not set it apart (axe). */}
              <Anchor component={Link} to={`/agents/${agentId}/history`} inherit underline="always">
                See what was published before
              </Anchor>
              .
            </Text>
          </Stack>
        </Paper>
      )}

      <PublishModal
        form={publishForm}
        fingerprint={reviewed?.fingerprint ?? diff.fingerprint}
        opened={publishOpened}
        onClose={closePublish}
        sections={reviewed?.sections ?? sections}
        viewed={viewed.viewed}
        onConfirm={confirmPublish}
        pending={publish.isPending}
        error={modalError}
        agentGone={gone}
        returnFocus={!closedOnOutcome}
      />
      <ShortcutsModal opened={shortcutsOpened} onClose={shortcutsModal.close} />
    </Stack>
  );
}

/** What the diffs below show, in the words of the layout they are in. */
function ReviewSubtitle() {
  const [mode] = useDiffViewMode();
  return (
    <Text size="sm" c="dimmed">
      {mode === 'split'
        ? `What publishing would change: ${BEFORE_LABEL} on the left, ${AFTER_LABEL} on the right.`
        : `What publishing would change, from ${BEFORE_LABEL} to ${AFTER_LABEL}: removed lines, then added ones.`}
    </Text>
  );
}
