import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Anchor, Button, Center, Loader, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { errorMessage } from '@/api/api-error';
import { agentQueries, can } from '@/api/agents/queries';
import { isNotOffered } from '@/api/publishes/fetchers';
import { publishQueries } from '@/api/publishes/queries';
import { PageError } from '@/components/page-error';
import type { HistoryRef } from '@/lib/history-params';
import { CompareView } from './compare-view';
import { HistoryFilters } from './history-filters';
import { PublishTimeline } from './publish-timeline';
import { RecordPanel } from './record-panel';
import { useHistoryParams } from './use-history-params';
import { useRecordByVersion } from './use-record-by-version';
import classes from './history.module.css';

export interface HistoryScreenProps {
  agentId: number;
}

/** The History tab: the timeline on the left; the selected publish, or a comparison, on the right. */
export function HistoryScreen({ agentId }: HistoryScreenProps) {
  const { params, versionHref, selectVersion, setCompare, setFilters } = useHistoryParams();
  const filtered = params.publishedBy !== '' || params.q !== '';
  const list = useInfiniteQuery({
    ...publishQueries.list(agentId, { publishedBy: params.publishedBy, q: params.q }),
    placeholderData: keepPreviousData,
  });
  const head = useQuery(publishQueries.head(agentId));
  const permissions = useQuery(agentQueries.permissions(agentId));
  // The compare extension may be missing on a real tenant: probe it once and hide it if absent.
  const compareProbe = useQuery({
    ...publishQueries.compare(agentId, 'production', 'production'),
    staleTime: Infinity,
  });
  const compareOffered = !isNotOffered(compareProbe.error);

  const records = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const recordsByVersion = useMemo(() => new Map(records.map((r) => [r.version, r])), [records]);
  const knownVersions = useMemo(() => new Map(records.map((r) => [r.changeTrackId, r.version])), [records]);
  // Every publisher seen on this screen, filtered or not: a filter that matches nobody still
  // leaves the suggestions to pick from. (Grown during render, React's way of keeping what
  // earlier renders saw.)
  const shownPublishers = useMemo(() => new Set(records.map((r) => r.publishedBy.email)), [records]);
  const [knownPublishers, setKnownPublishers] = useState<readonly string[]>([]);
  if ([...shownPublishers].some((email) => !knownPublishers.includes(email))) {
    setKnownPublishers([...new Set([...knownPublishers, ...shownPublishers])].sort());
  }
  const total = list.data?.pages[0]?.total ?? 0;

  const comparing = params.compare !== null && compareOffered;
  const selectedVersion = params.version ?? (comparing ? null : (records[0]?.version ?? null));
  const selected = useRecordByVersion(agentId, comparing ? null : selectedVersion, recordsByVersion);
  // Stable between renders, like every prop below: the timeline, the filters and the record
  // panel are memoised, so a navigation's loading state does not render them again.
  const compareFrom = comparing ? params.compare?.from : undefined;
  const compareTo = comparing ? params.compare?.to : undefined;
  const comparedVersions = useMemo(
    () => [compareFrom, compareTo].filter((r): r is number => typeof r === 'number'),
    [compareFrom, compareTo],
  );
  const latest = head.data?.latest;
  // "Show it": older pages are loaded until the selected version is among them; the timeline then
  // scrolls to it.
  const [revealing, setRevealing] = useState<number | null>(null);
  const unshownVersion =
    selected.record && !recordsByVersion.has(selected.record.version) ? selected.record.version : null;
  const seeking =
    revealing !== null && revealing === unshownVersion && list.hasNextPage && !list.isFetchNextPageError;
  const { isFetchingNextPage, fetchNextPage } = list;
  useEffect(() => {
    if (seeking && !isFetchingNextPage) void fetchNextPage();
  }, [seeking, isFetchingNextPage, fetchNextPage]);

  // Which panel the person opened with a button of the other (its heading then takes the focus).
  const [openedBy, setOpenedBy] = useState<'compare' | 'back' | null>(null);
  // A version tapped in the timeline while the record panel sits below it (a narrow layout): the
  // panel brings its heading into view, else the tap seems to do nothing. Not on a wide layout,
  // where the panel is beside the timeline, nor for a version opened from a link.
  const sidebarRef = useRef<HTMLDivElement>(null);
  const mainRef = useRef<HTMLDivElement>(null);
  const [picked, setPicked] = useState<number | null>(null);
  const pick = useCallback((version: number) => {
    const sidebar = sidebarRef.current?.getBoundingClientRect();
    const main = mainRef.current?.getBoundingClientRect();
    if (sidebar && main && main.top >= sidebar.bottom) setPicked(version);
  }, []);
  const revealed = useCallback(() => setPicked(null), []);
  const compareWith = useCallback(
    (version: number) => {
      const live = latest?.isLive && latest.version === version;
      setOpenedBy('compare');
      setCompare({ from: version, to: live ? 'staging' : 'live' });
    },
    [latest, setCompare],
  );

  // "Clear filters" goes with the empty result it sits in: the focus goes to the search field,
  // not to the top of the page. (Not the publisher's: focused, it opens its suggestions.)
  const searchField = useRef<HTMLInputElement>(null);
  const clearFilters = () => {
    setFilters({ publishedBy: '', q: '' });
    searchField.current?.focus();
  };

  const timeline = (() => {
    if (list.isPending) {
      return (
        <Stack gap="xs" p="md" aria-label="Loading the publish history">
          {Array.from({ length: 6 }, (_, i) => (
            <Skeleton key={i} height={84} />
          ))}
        </Stack>
      );
    }
    if (list.isError && records.length === 0) {
      return (
        <PageError
          title="The history could not be loaded"
          message={errorMessage(list.error)}
          onRetry={() => list.refetch()}
          retrying={list.isRefetching}
        />
      );
    }
    if (records.length === 0) {
      return (
        <Stack align="center" gap="xs" p="xl" ta="center">
          <Text fw={600}>
            {filtered ? 'No publishes match these filters.' : 'This agent has not been published yet.'}
          </Text>
          {filtered ? (
            <>
              {/* A pasted note may be one long word: it wraps in the column. */}
              <Text size="sm" c="dimmed" maw="100%" style={{ overflowWrap: 'anywhere' }}>
                {filterSentence(params.publishedBy, params.q)}
              </Text>
              <Button variant="light" size="xs" onClick={clearFilters}>
                Clear filters
              </Button>
            </>
          ) : (
            <Text size="sm" c="dimmed">
              Each publish will appear here.
            </Text>
          )}
        </Stack>
      );
    }
    return (
      <PublishTimeline
        agentId={agentId}
        records={records}
        total={total}
        hasNextPage={list.hasNextPage}
        isFetchingNextPage={list.isFetchingNextPage}
        nextPageError={list.isFetchNextPageError ? list.error : null}
        fetchNextPage={list.fetchNextPage}
        selectedVersion={selectedVersion}
        comparedVersions={comparedVersions}
        versionHref={versionHref}
        knownVersions={knownVersions}
        onPick={pick}
      />
    );
  })();

  // The panel's first render waits for the one after the timeline's: opening the tab paints
  // the list of publishes first, and the selected publish (inputs, diffs, menus) a moment later.
  const panelMounted = useDeferredValue(true, false);

  const detail = (() => {
    if (!panelMounted) return <div className={classes.panelPending} aria-busy="true" />;
    if (comparing && params.compare) {
      return (
        <CompareView
          agentId={agentId}
          from={params.compare.from}
          to={params.compare.to}
          latestVersion={head.data?.latest?.version ?? records[0]?.version ?? null}
          recordsByVersion={recordsByVersion}
          onChange={setCompare}
          onClose={() => {
            setOpenedBy('back');
            selectVersion(backVersion(params.version, params.compare));
          }}
          takeFocus={openedBy === 'compare'}
        />
      );
    }
    if (selected.record) {
      return (
        <RecordPanel
          key={selected.record.changeTrackId}
          agentId={agentId}
          record={selected.record}
          recordsByVersion={recordsByVersion}
          knownVersions={knownVersions}
          compareOffered={compareOffered}
          canRollback={can(permissions.data, 'rollback')}
          onCompare={compareWith}
          takeFocus={openedBy === 'back'}
          reveal={picked === selected.record.version}
          onRevealed={revealed}
        />
      );
    }
    if (selected.notFound) {
      return (
        <Paper withBorder p="xl" radius="md" ta="center">
          <Text fw={600}>Version {selectedVersion} is not in this agent&apos;s history.</Text>
          <Anchor component={Link} to="?" size="sm">
            Show the latest version
          </Anchor>
        </Paper>
      );
    }
    if (selected.error) {
      return (
        <PageError
          title={`Version ${selectedVersion ?? ''} could not be loaded`}
          message={errorMessage(selected.error)}
          onRetry={selected.refetch}
        />
      );
    }
    if (selected.isPending || list.isPending) {
      return (
        <Center py="xl" aria-label="Loading the version">
          <Loader />
        </Center>
      );
    }
    return (
      <Paper withBorder p="xl" radius="md" ta="center">
        <Text c="dimmed">
          {/* A history that could not be loaded matched nothing, nor has anything to pick: the
              timeline says why, with a way to try again. */}
          {list.isError && records.length === 0
            ? 'No version to show: the history could not be loaded.'
            : filtered
              ? 'No version to show: nothing in the history matches the filters.'
              : 'Pick a version in the timeline to see what it changed.'}
        </Text>
      </Paper>
    );
  })();

  return (
    <div className={classes.layout}>
      <Paper withBorder radius="md" className={classes.sidebar} ref={sidebarRef}>
        <Stack gap={6} p="sm" className={classes.sidebarHeader}>
          <HistoryFilters
            publishedBy={params.publishedBy}
            q={params.q}
            knownPublishers={knownPublishers}
            onChange={setFilters}
            searchRef={searchField}
          />
          <Text size="xs" c="dimmed" aria-live="polite">
            {list.isSuccess &&
              (filtered
                ? `${total.toLocaleString('en-US')} ${total === 1 ? 'publish matches' : 'publishes match'}`
                : `${total.toLocaleString('en-US')} ${total === 1 ? 'publish' : 'publishes'}, newest first`)}
            {list.isPlaceholderData && ' · updating…'}
            {unshownVersion !== null &&
              (filtered
                ? ` · version ${unshownVersion} is not among the rows shown`
                : ` · version ${unshownVersion} is further down`)}
            {unshownVersion !== null && !filtered && list.hasNextPage && (
              <>
                {' · '}
                <Anchor
                  component="button"
                  type="button"
                  size="xs"
                  aria-disabled={seeking}
                  onClick={() => setRevealing(unshownVersion)}
                >
                  {seeking ? 'Loading older publishes…' : 'Show it in the list'}
                </Anchor>
              </>
            )}
          </Text>
        </Stack>
        <div className={classes.sidebarBody}>{timeline}</div>
      </Paper>
      <div className={classes.main} ref={mainRef}>
        {params.linkProblem && (
          <Alert
            color="yellow"
            variant="light"
            radius="md"
            mb="md"
            role="status"
            title={
              params.linkProblem === 'compare'
                ? 'This comparison link could not be read'
                : params.linkProblem === 'versions'
                  ? 'This link names more than one version'
                  : 'This link names no version'
            }
            withCloseButton
            closeButtonLabel="Dismiss"
            onClose={() => selectVersion(null)}
          >
            {params.linkProblem === 'compare'
              ? 'A comparison needs one “from” and one “to”, each a version number, live or staging. '
              : params.linkProblem === 'versions'
                ? 'Pick one in the timeline. '
                : 'A version is a number, such as 12 or v12. '}
            {params.version !== null ? `Version ${params.version}` : 'The latest version'} is shown instead.
          </Alert>
        )}
        {detail}
      </div>
    </div>
  );
}

/**
 * Where "Back to the version" goes: the version the comparison was opened from (kept in the URL
 * while comparing), else a version compared, else the latest. Not only `from`: after "Swap sides"
 * that is Live or Staging, and the way back would lose the version the person came from.
 */
function backVersion(
  version: number | null,
  compare: { from: HistoryRef; to: HistoryRef } | null,
): number | null {
  if (version !== null) return version;
  const compared = [compare?.from, compare?.to].find((r): r is number => typeof r === 'number');
  return compared ?? null;
}

/** "Published by “ana@…” with a note containing “hotfix”." */
function filterSentence(publishedBy: string, q: string): string {
  const by = publishedBy ? `by “${publishedBy}”` : '';
  const note = q ? `with a note containing “${q}”` : '';
  return `Searched for publishes ${[by, note].filter(Boolean).join(' ')}.`;
}
