import { useEffect, useState } from 'react';
import { formatExactTime, formatRelativeTime } from '@/lib/relative-time';

export interface TimeAgoProps {
  /** ISO-8601 timestamp from the API. */
  value: string;
}

/**
 * "5 minutes ago", with the exact time on hover (the browser's own tooltip: light enough for the
 * hundreds of rows of a timeline); keeps itself current while on screen.
 */
export function TimeAgo({ value }: TimeAgoProps) {
  const now = useMinuteClock();
  const exact = formatExactTime(value);
  return (
    <time dateTime={value} title={exact}>
      {formatRelativeTime(value, now)}
    </time>
  );
}

function useMinuteClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = window.setInterval(() => setNow(new Date()), 30_000);
    return () => window.clearInterval(id);
  }, []);
  return now;
}
