import { describe, expect, it } from 'vitest';
import { formatExactTime, formatRelativeTime, parseTimestamp } from './relative-time';

const now = new Date('2026-11-28T12:00:00.000Z');

describe('parseTimestamp', () => {
  it('reads the API’s microsecond timestamps', () => {
    expect(parseTimestamp('2026-11-28T19:43:15.123456Z')?.toISOString()).toBe('2026-11-28T19:43:15.123Z');
  });

  it('gives null for something that is not a time', () => {
    expect(parseTimestamp('yesterday-ish')).toBeNull();
  });
});

describe('formatRelativeTime', () => {
  it('says just now for the last few seconds, and for a clock slightly ahead', () => {
    expect(formatRelativeTime('2026-11-28T11:59:30.000000Z', now)).toBe('just now');
    expect(formatRelativeTime('2026-11-28T12:00:20.000000Z', now)).toBe('just now');
  });

  it('counts minutes, hours and days in the past', () => {
    expect(formatRelativeTime('2026-11-28T11:55:00.000000Z', now)).toBe('5 minutes ago');
    expect(formatRelativeTime('2026-11-28T09:00:00.000000Z', now)).toBe('3 hours ago');
    expect(formatRelativeTime('2026-11-27T12:00:00.000000Z', now)).toBe('yesterday');
    expect(formatRelativeTime('2026-11-14T12:00:00.000000Z', now)).toBe('2 weeks ago');
    expect(formatRelativeTime('2025-11-01T12:00:00.000000Z', now)).toBe('last year');
  });

  it('rounds down rather than up, so 90 minutes is an hour ago', () => {
    expect(formatRelativeTime('2026-11-28T10:30:00.000000Z', now)).toBe('1 hour ago');
  });

  it('gives an empty string for an unreadable timestamp', () => {
    expect(formatRelativeTime('not a time', now)).toBe('');
  });
});

describe('formatExactTime', () => {
  it('gives the exact moment with its time zone', () => {
    expect(formatExactTime('2026-11-28T19:43:15.123456Z', { timeZone: 'UTC' })).toBe(
      '28 Nov 2026, 19:43:15 UTC',
    );
  });

  it('gives back what it was handed when it cannot read it', () => {
    expect(formatExactTime('soon')).toBe('soon');
  });
});
