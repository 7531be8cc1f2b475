import { afterEach, describe, expect, it, vi } from 'vitest';

/**
 * The first Intl object a page makes starts the browser's locale data (30-50 ms in Chromium
 * here): no module of the console makes one while it loads, only once something is formatted.
 */

const made = { DateTimeFormat: 0, NumberFormat: 0, RelativeTimeFormat: 0 };

/** Counts what Intl is asked to make, and makes it. */
function countIntl() {
  vi.stubGlobal('Intl', {
    ...Intl,
    DateTimeFormat: class extends Intl.DateTimeFormat {
      constructor(...args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
        super(...args);
        made.DateTimeFormat++;
      }
    },
    NumberFormat: class extends Intl.NumberFormat {
      constructor(...args: ConstructorParameters<typeof Intl.NumberFormat>) {
        super(...args);
        made.NumberFormat++;
      }
    },
    RelativeTimeFormat: class extends Intl.RelativeTimeFormat {
      constructor(...args: ConstructorParameters<typeof Intl.RelativeTimeFormat>) {
        super(...args);
        made.RelativeTimeFormat++;
      }
    },
  });
}

afterEach(() => vi.unstubAllGlobals());

describe('Intl formatters', () => {
  it('are made on first use, not when their modules load, and then kept', async () => {
    vi.resetModules();
    countIntl();
    const { formatTimestamp } = await import('./format-value');
    const { describeTextSize } = await import('./text-stats');
    await import('./relative-time');
    expect(made).toEqual({ DateTimeFormat: 0, NumberFormat: 0, RelativeTimeFormat: 0 });

    expect(formatTimestamp('2026-11-28T19:43:15.123456Z')).toBe('28 Nov 2026, 19:43 UTC');
    expect(formatTimestamp('2026-11-29T08:05:00Z')).toBe('29 Nov 2026, 08:05 UTC');
    expect(describeTextSize(12_345, 1)).toBe('12,345 characters · 1 line');
    expect(describeTextSize(2, 1_000)).toBe('2 characters · 1,000 lines');
    expect(made).toEqual({ DateTimeFormat: 1, NumberFormat: 1, RelativeTimeFormat: 0 });
  });
});
