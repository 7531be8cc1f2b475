import { memo } from 'react';
import { Link } from 'react-router';
import type { PublishRecord } from '@/api/adapter';
import { formatExactTime, formatRelativeTime } from '@/lib/relative-time';
import { RecordMarkers } from './record-markers';
import classes from './history.module.css';

export interface TimelineRowProps {
  agentId: number;
  record: PublishRecord;
  href: string;
  selected: boolean;
  /** One side of the pair being compared. */
  compared: boolean;
  /** The version a rollback marker points to, when the timeline already holds it. */
  rollbackVersion: number | undefined;
  /** Called when the row is picked by a tap or a click (not the keyboard's Enter). */
  onPick?: (version: number) => void;
}

/**
 * One publish in the timeline: version, markers, who and when, the note and what changed.
 *
 * Rows mount by the dozen while the list scrolls, so each is kept cheap: plain elements styled
 * by the CSS module rather than Mantine components, the exact time as a native title rather than
 * a tooltip, and memoised on plain props so rows that stay on screen never render again.
 */
export const TimelineRow = memo(function TimelineRow({
  agentId,
  record,
  href,
  selected,
  compared,
  rollbackVersion,
  onPick,
}: TimelineRowProps) {
  const { publishedBy } = record;
  return (
    <Link
      to={href}
      onClick={(event) => {
        // `detail` counts the clicks of a pointer, and is 0 for Enter; a modified click opens
        // the version elsewhere and leaves this page as it is.
        const plain = !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
        if (event.detail > 0 && event.button === 0 && plain) onPick?.(record.version);
      }}
      className={classes.row}
      aria-current={selected ? 'true' : undefined}
      data-compared={compared || undefined}
    >
      <span className={classes.rowTop}>
        <span className={classes.rowTitle}>
          <span className={classes.version}>
            <span className={classes.visuallyHidden}>Version </span>
            <span aria-hidden="true">v</span>
            {record.version}
          </span>
          {(record.isLive || record.rolledBackTo !== null) && (
            <RecordMarkers agentId={agentId} record={record} rollbackVersion={rollbackVersion} />
          )}
        </span>
        <time
          className={classes.dimmed}
          dateTime={record.publishedOn}
          title={formatExactTime(record.publishedOn)}
        >
          {formatRelativeTime(record.publishedOn)}
        </time>
      </span>
      <span className={`${classes.dimmed} ${classes.publisher}`}>
        {publishedBy.name} · {publishedBy.email}
      </span>
      {record.note ? (
        <span className={classes.note}>{record.note}</span>
      ) : (
        <span className={`${classes.note} ${classes.noNote}`}>No note</span>
      )}
      {record.summary.sections.length > 0 && (
        <span className={classes.summary}>
          {record.summary.sections.map((s) => (
            <span key={s.key} className={classes.chip}>
              {s.title} {s.count}
            </span>
          ))}
        </span>
      )}
    </Link>
  );
});
