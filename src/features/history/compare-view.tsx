import { type FocusEvent, useMemo } from 'react';
import {
  ActionIcon,
  Alert,
  Button,
  type ComboboxItem,
  type ComboboxParsedItem,
  Group,
  type OptionsFilter,
  Select,
  Skeleton,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { PublishRecord } from '@/api/adapter';
import { errorMessage } from '@/api/api-error';
import type { CompareRefKey } from '@/api/keys';
import { publishQueries } from '@/api/publishes/queries';
import { DiffSections } from '@/components/diff';
import { ConsoleIcon } from '@/components/console-icon';
import { type HistoryRef, historyRefLabel, jsonFileName, parseHistoryRef } from '@/lib/history-params';
import { DiffHeading } from './diff-heading';
import { useFocusOnOpen } from './use-focus-on-open';
import { type RecordByVersion, useRecordByVersion } from './use-record-by-version';

export interface CompareViewProps {
  agentId: number;
  from: HistoryRef;
  to: HistoryRef;
  /** The newest version of the history: the pickers offer every version down to 1. */
  latestVersion: number | null;
  recordsByVersion: ReadonlyMap<number, PublishRecord>;
  onChange: (pair: { from: HistoryRef; to: HistoryRef }) => void;
  onClose: () => void;
  /** Opened by the person's own Compare…: its heading takes the focus (see useFocusOnOpen). */
  takeFocus?: boolean;
}

/** Any two of: a version, Live, Staging; the diff between them. */
export function CompareView({
  agentId,
  from,
  to,
  latestVersion,
  recordsByVersion,
  onChange,
  onClose,
  takeFocus = false,
}: CompareViewProps) {
  const heading = useFocusOnOpen<HTMLHeadingElement>(takeFocus);
  const fromRecord = useRecordByVersion(agentId, typeof from === 'number' ? from : null, recordsByVersion);
  const toRecord = useRecordByVersion(agentId, typeof to === 'number' ? to : null, recordsByVersion);
  const fromKey = apiRef(from, fromRecord);
  const toKey = apiRef(to, toRecord);
  const same = from === to;
  const diff = useQuery({
    ...publishQueries.compare(agentId, fromKey ?? 'production', toKey ?? 'production'),
    enabled: fromKey !== null && toKey !== null && !same,
  });

  const data = useMemo(() => refOptions(latestVersion, [from, to]), [latestVersion, from, to]);
  const beforeLabel = historyRefLabel(from);
  const afterLabel = historyRefLabel(to);
  const missing = [fromRecord, toRecord].find((r) => r.notFound);
  const missingVersion = missing === fromRecord ? from : to;
  const lookupError = fromRecord.error ?? toRecord.error;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={4}>
          <Title order={2} size="h3" ref={heading} tabIndex={-1}>
            Compare
          </Title>
          <Text size="sm" c="dimmed">
            Pick any two versions, or Live or Staging. The link to this page opens the same comparison.
          </Text>
        </Stack>
        <Button variant="default" leftSection={<ConsoleIcon name="arrow-left" size={16} />} onClick={onClose}>
          Back to the version
        </Button>
      </Group>
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <Select
          label="From"
          data={data}
          value={String(from)}
          onChange={(v) => {
            const ref = parseHistoryRef(v);
            if (ref !== null) onChange({ from: ref, to });
          }}
          searchable
          // What is typed replaces the version shown: typed after it, "12" would search "Version 312".
          onFocus={selectAll}
          filter={refFilter}
          // The best match first, and in view: the list otherwise stays scrolled where it opened.
          selectFirstOptionOnChange
          limit={100}
          allowDeselect={false}
          nothingFoundMessage="No such version"
          style={{ flex: 1 }}
        />
        <Tooltip label="Swap sides" withArrow>
          <ActionIcon
            variant="default"
            size={36}
            aria-label="Swap sides"
            onClick={() => onChange({ from: to, to: from })}
          >
            <span aria-hidden="true">⇄</span>
          </ActionIcon>
        </Tooltip>
        <Select
          label="To"
          data={data}
          value={String(to)}
          onChange={(v) => {
            const ref = parseHistoryRef(v);
            if (ref !== null) onChange({ from, to: ref });
          }}
          searchable
          // What is typed replaces the version shown: typed after it, "12" would search "Version 312".
          onFocus={selectAll}
          filter={refFilter}
          // The best match first, and in view: the list otherwise stays scrolled where it opened.
          selectFirstOptionOnChange
          limit={100}
          allowDeselect={false}
          nothingFoundMessage="No such version"
          style={{ flex: 1 }}
        />
      </Group>

      {same ? (
        <Alert color="gray">Both sides are {beforeLabel}: pick two different ones to see what differs.</Alert>
      ) : missing ? (
        <Alert color="yellow" title="Nothing to compare">
          {historyRefLabel(missingVersion)} is not in this agent&apos;s history.
        </Alert>
      ) : lookupError || diff.error ? (
        <Alert color="red" title="The comparison could not be loaded">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{errorMessage(lookupError ?? diff.error)}</Text>
            <Button
              size="xs"
              variant="light"
              color="red"
              onClick={() => {
                if (!lookupError) return void diff.refetch();
                fromRecord.refetch();
                toRecord.refetch();
              }}
            >
              Try again
            </Button>
          </Stack>
        </Alert>
      ) : (
        <div>
          <DiffHeading
            title={`${beforeLabel} → ${afterLabel}`}
            diff={diff.data}
            fileName={jsonFileName('agent', agentId, 'compare', String(from), 'to', String(to))}
            beforeLabel={beforeLabel}
            afterLabel={afterLabel}
          />
          {diff.data ? (
            <DiffSections
              diff={diff.data}
              beforeLabel={beforeLabel}
              afterLabel={afterLabel}
              emptyText={`${beforeLabel} and ${afterLabel} hold the same configuration.`}
              idPrefix="compare-diff"
            />
          ) : (
            <Stack gap="sm" aria-label="Loading the comparison">
              <Skeleton height={28} width="40%" />
              <Skeleton height={120} />
            </Stack>
          )}
        </div>
      )}
    </Stack>
  );
}

function selectAll(event: FocusEvent<HTMLInputElement>) {
  event.currentTarget.select();
}

/** The API's ref for one side: `production`, `staging`, or the record's change_track_id once found. */
function apiRef(ref: HistoryRef, record: RecordByVersion): CompareRefKey | null {
  if (ref === 'live') return 'production';
  if (ref === 'staging') return 'staging';
  return record.record?.changeTrackId ?? null;
}

/**
 * The pickers' search. A version number, typed as the timeline shows it or not (`12`, `v12`,
 * `version 12`), lists that version first, then those starting with it, then the others holding
 * it. The list is cut at `limit`, newest first: in a long history, `1` would otherwise never
 * reach Version 1.
 */
const refFilter: OptionsFilter = ({ options, search, limit }) => {
  const query = search.trim().toLowerCase();
  const digits = /^(?:v|version)?\s*(\d+)$/.exec(query)?.[1];
  const rank = (item: ComboboxItem) => {
    if (digits === undefined) return item.label.toLowerCase().includes(query) ? 0 : -1;
    if (item.value === digits) return 0;
    if (item.value.startsWith(digits)) return 1;
    return item.value.includes(digits) ? 2 : -1;
  };
  const matching = (items: ComboboxItem[], max: number) =>
    items
      .map((item) => ({ item, rank: rank(item) }))
      .filter((m) => m.rank >= 0)
      .sort((a, b) => a.rank - b.rank)
      .slice(0, max)
      .map((m) => m.item);
  const result: ComboboxParsedItem[] = [];
  let left = limit;
  for (const option of options) {
    if (left <= 0) break;
    const items = matching('group' in option ? option.items : [option], left);
    left -= items.length;
    if (items.length === 0) continue;
    if ('group' in option) result.push({ group: option.group, items });
    else result.push(...items);
  }
  return result;
};

function refOptions(latestVersion: number | null, current: HistoryRef[]) {
  const versions = new Set<number>();
  for (let v = latestVersion ?? 0; v >= 1; v--) versions.add(v);
  // A linked version beyond what is known still shows as chosen.
  for (const ref of current) if (typeof ref === 'number') versions.add(ref);
  return [
    {
      group: 'Environments',
      items: [
        { value: 'live', label: 'Live (production)' },
        { value: 'staging', label: 'Staging' },
      ],
    },
    {
      group: 'Versions',
      items: [...versions].sort((a, b) => b - a).map((v) => ({ value: String(v), label: `Version ${v}` })),
    },
  ];
}
