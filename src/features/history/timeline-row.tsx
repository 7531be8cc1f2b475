import { memo } from 'react';
import { Badge, Group, Text, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import type { PublishRecord } from '@/api/adapter';
import { TimeAgo } from '@/components/time-ago';
import { RecordMarkers } from './record-markers';
import classes from './history.module.css';

export interface TimelineRowProps {
  agentId: number;
  record: PublishRecord;
  href: string;
  selected: boolean;
  /** One side of the pair being compared. */
  compared: boolean;
  knownVersions: ReadonlyMap<number, number>;
}

/**
 * One publish in the timeline: version, markers, who and when, the note and what changed.
 * Memoised: the virtualised timeline re-renders on every scroll frame, and rows whose props did
 * not change (all of them but the ones scrolling in) must not render again.
 */
export const TimelineRow = memo(function TimelineRow({ agentId, record, href, selected, compared, knownVersions }: TimelineRowProps) {
  const { publishedBy } = record;
  return (
    <Link
      to={href}
      className={classes.row}
      aria-current={selected ? 'true' : undefined}
      data-compared={compared || undefined}
    >
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Group gap={8} wrap="nowrap" miw={0}>
          <Text fw={650} size="sm">
            <VisuallyHidden>Version </VisuallyHidden>
            <span aria-hidden="true">v</span>
            {record.version}
          </Text>
          <RecordMarkers agentId={agentId} record={record} knownVersions={knownVersions} />
        </Group>
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          <TimeAgo value={record.publishedOn} />
        </Text>
      </Group>
      <Text size="xs" c="dimmed" truncate="end" mt={2}>
        {publishedBy.name} · {publishedBy.email}
      </Text>
      {record.note ? (
        <Text size="sm" mt={4} lineClamp={2} className={classes.note}>
          {record.note}
        </Text>
      ) : (
        <Text size="sm" mt={4} c="dimmed" fs="italic">
          No note
        </Text>
      )}
      {record.summary.sections.length > 0 && (
        <Group gap={4} mt={6}>
          {record.summary.sections.map((s) => (
            <Badge key={s.key} size="xs" variant="default" radius="sm" tt="none" fw={500}>
              {s.title} {s.count}
            </Badge>
          ))}
        </Group>
      )}
    </Link>
  );
});
