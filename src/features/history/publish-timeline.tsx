import { memo, useEffect, useRef } from 'react';
import { Button, Center, Group, Loader, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { PublishRecord } from '@/api/adapter';
import { errorMessage } from '@/api/api-error';
import { focusIsLost } from '@/lib/focus';
import { TimelineRow } from './timeline-row';
import classes from './history.module.css';

export interface PublishTimelineProps {
  agentId: number;
  records: PublishRecord[];
  /** Records matching the filters, loaded or not. */
  total: number;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  nextPageError: unknown;
  fetchNextPage: () => Promise<unknown>;
  selectedVersion: number | null;
  comparedVersions: readonly number[];
  versionHref: (version: number) => string;
  knownVersions: ReadonlyMap<number, number>;
  /** A row picked by a tap or a click. */
  onPick?: (version: number) => void;
}

/** Start loading the next page this many rows before the end comes into view. */
const PREFETCH_ROWS = 40;

/**
 * The publish records, newest first. Only the rows on screen are rendered, and pages are fetched
 * as the end of what is loaded comes near, so thousands of records scroll as smoothly as ten.
 */
export const PublishTimeline = memo(function PublishTimeline({
  agentId,
  records,
  total,
  hasNextPage,
  isFetchingNextPage,
  nextPageError,
  fetchNextPage,
  selectedVersion,
  comparedVersions,
  versionHref,
  knownVersions,
  onPick,
}: PublishTimelineProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = hasNextPage ? records.length + 1 : records.length;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 108,
    overscan: 6,
    getItemKey: (index) => records[index]?.changeTrackId ?? 'more',
    // Let React batch the scroll re-renders instead of rendering synchronously in every scroll
    // event: fewer, shorter tasks while scrolling fast.
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;
  const loadMoreFailed = nextPageError !== null && nextPageError !== undefined;

  useEffect(() => {
    if (
      hasNextPage &&
      !isFetchingNextPage &&
      !loadMoreFailed &&
      lastIndex >= records.length - PREFETCH_ROWS
    ) {
      void fetchNextPage();
    }
  }, [lastIndex, records.length, hasNextPage, isFetchingNextPage, loadMoreFailed, fetchNextPage]);

  // A link to a version scrolls it into view once it is loaded, to the middle of the list: the
  // list's box may reach below the window until the page is scrolled. Clicks on visible rows do
  // not move the list.
  const selectedIndex =
    selectedVersion === null ? -1 : records.findIndex((r) => r.version === selectedVersion);
  // Index shown before this render's; undefined on the first.
  const shownIndex = useRef<number | undefined>(undefined);
  useEffect(() => {
    const before = shownIndex.current;
    shownIndex.current = selectedIndex;
    if (selectedIndex < 0) return;
    const appeared = before === undefined || before < 0;
    virtualizer.scrollToIndex(selectedIndex, { align: appeared ? 'center' : 'auto' });
    // Loaded later ("Show it in the list", whose button is then gone): the focus goes on to the
    // row rather than to the page. Not on the page's first render, where nobody has put it yet.
    if (before === undefined || !appeared || !focusIsLost()) return;
    // The row is drawn once the list has scrolled to it, a frame or a few later.
    let frame = 0;
    let tries = 0;
    const focusRow = () => {
      const row = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${selectedIndex}"] a`);
      if (row) row.focus({ preventScroll: true });
      else if (++tries < 30) frame = requestAnimationFrame(focusRow);
    };
    frame = requestAnimationFrame(focusRow);
    return () => cancelAnimationFrame(frame);
  }, [selectedIndex, virtualizer]);

  return (
    <div ref={scrollRef} className={classes.timeline} style={{ height: '100%' }}>
      <div
        role="list"
        aria-label="Publish history"
        style={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}
      >
        {items.map((item) => {
          const record = records[item.index];
          return (
            <div
              key={item.key}
              role="listitem"
              data-index={item.index}
              ref={virtualizer.measureElement}
              aria-setsize={total}
              aria-posinset={item.index + 1}
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                width: '100%',
                transform: `translateY(${item.start}px)`,
              }}
            >
              {record ? (
                <TimelineRow
                  agentId={agentId}
                  record={record}
                  href={versionHref(record.version)}
                  selected={record.version === selectedVersion}
                  compared={comparedVersions.includes(record.version)}
                  rollbackVersion={
                    record.rolledBackTo === null ? undefined : knownVersions.get(record.rolledBackTo)
                  }
                  onPick={onPick}
                />
              ) : loadMoreFailed ? (
                <Group justify="space-between" p="md" wrap="nowrap">
                  <Text size="sm" c="red">
                    Could not load older publishes: {errorMessage(nextPageError)}
                  </Text>
                  {/* Its label whole beside a message of three lines, not squeezed to "Re". */}
                  <Button
                    size="xs"
                    variant="light"
                    style={{ flexShrink: 0 }}
                    onClick={() => void fetchNextPage()}
                  >
                    Retry
                  </Button>
                </Group>
              ) : (
                <Center p="md" aria-label="Loading older publishes">
                  <Loader size="sm" />
                </Center>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
});
