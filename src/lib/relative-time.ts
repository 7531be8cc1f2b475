/**
 * Times as people read them: "3 minutes ago" in lists, the exact moment on hover. The API sends
 * ISO-8601 UTC with microseconds (2026-11-28T19:43:15.123456Z); JavaScript dates hold
 * milliseconds, so the extra digits are dropped before parsing.
 */

export function parseTimestamp(iso: string): Date | null {
  const trimmed = iso.trim().replace(/(\.\d{3})\d+/, '$1');
  const ms = Date.parse(trimmed);
  return Number.isNaN(ms) ? null : new Date(ms);
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

// Building an Intl formatter costs far more than formatting with one (a virtualised list of
// thousands of publishes re-renders rows on every scroll frame): keep one per locale/time zone.
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();
const exactFormats = new Map<string, Intl.DateTimeFormat>();

function relativeFormat(locale: string): Intl.RelativeTimeFormat {
  let format = relativeFormats.get(locale);
  if (!format) {
    format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    relativeFormats.set(locale, format);
  }
  return format;
}

function exactFormat(locale: string, timeZone: string | undefined): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone ?? ''}`;
  let format = exactFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'long', timeZone });
    exactFormats.set(key, format);
  }
  return format;
}

/** "just now", "5 minutes ago", "yesterday", "3 weeks ago"; '' for an unreadable timestamp. */
export function formatRelativeTime(iso: string, now: Date = new Date(), locale = 'en'): string {
  const date = parseTimestamp(iso);
  if (!date) return '';
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  // Clocks drift: a few seconds in the future still reads as now.
  if (Math.abs(seconds) < 45) return 'just now';
  const rtf = relativeFormat(locale);
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return rtf.format(Math.trunc(seconds / size), unit);
  }
  return rtf.format(Math.sign(seconds), 'minute');
}

/** "28 Nov 2026, 19:43:15 UTC": the exact moment, in the reader's time zone unless one is given. */
export function formatExactTime(iso: string, opts: { locale?: string; timeZone?: string } = {}): string {
  const date = parseTimestamp(iso);
  if (!date) return iso;
  return exactFormat(opts.locale ?? 'en-GB', opts.timeZone).format(date);
}
