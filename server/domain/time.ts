/** Milliseconds since the epoch, possibly fractional so that timestamps carry microseconds. */
export type Clock = () => number;

export const systemClock: Clock = () => performance.timeOrigin + performance.now();

/** ISO-8601 UTC with microseconds, e.g. 2026-11-28T19:43:15.123456Z, as Ejento writes them. */
export function formatTimestamp(epochMs: number): string {
  const whole = Math.floor(epochMs);
  const micros = Math.min(999, Math.max(0, Math.floor((epochMs - whole) * 1000)));
  const iso = new Date(whole).toISOString();
  return `${iso.slice(0, -1)}${String(micros).padStart(3, '0')}Z`;
}
