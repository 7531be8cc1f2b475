import type { Browser, Locator, Page } from '@playwright/test';
import type { BenchManifest } from '../../server/seed/bench';
import { isPlaceholder, newContext, sleep } from '../lib/browser';
import { PAGE_PROBE, type BenchWindow } from '../lib/probe';
import type { Tokens } from '../lib/session';
import { max, median, quantile } from '../lib/stats';

export interface TypingResult {
  chars: number;
  keys: number;
  median: number | null;
  p95: number | null;
  worst: number | null;
  /** Longest keydown/input Event Timing entry (the browser's own key-to-paint, 8 ms resolution). */
  eventTimingWorst: number | null;
  /**
   * The same keys into a bare `<textarea>` holding the same text, sized and styled like the
   * console's field, on a page with nothing else, in the same run: what the browser alone
   * costs per key here.
   */
  bareTextarea?: { median: number | null; p95: number | null; worst: number | null };
  note?: string;
}

const TEXT = 'Escalate billing disputes over $500 to Tier 2. ';

async function promptField(page: Page, timeoutMs: number): Promise<Locator | string> {
  const field = page.getByRole('textbox', { name: 'System prompt', exact: true });
  try {
    await field.first().waitFor({ state: 'visible', timeout: timeoutMs });
    return field.first();
  } catch {
    const text = await page
      .locator('body')
      .innerText()
      .catch(() => '');
    return isPlaceholder(text)
      ? 'n/a (screen missing)'
      : `no "System prompt" field within ${timeoutMs / 1000} s`;
  }
}

/** Presses one key and waits until the probe has timed its frame, then lets any follow-up work run. */
async function typeKey(page: Page, key: string, count: number): Promise<void> {
  await page.keyboard.press(key);
  await page.waitForFunction((n) => (window as unknown as BenchWindow).__bench.keys.length >= n, count, {
    polling: 'raf',
    timeout: 10_000,
  });
  await sleep(40);
}

/**
 * Half the keys with the caret at the very start of the focused field, half at the very end, one
 * at a time at a brisk typist's pace; each key's delay from keydown to the next frame, as the
 * probe measured it in the page.
 */
async function typeAtBothEnds(page: Page, keys: number): Promise<number[]> {
  let typed = 0;
  const delays: number[] = [];
  for (const [caret, count] of [
    ['Control+Home', Math.ceil(keys / 2)],
    ['Control+End', Math.floor(keys / 2)],
  ] as const) {
    await page.keyboard.press(caret);
    await sleep(300);
    // The caret keys were timed too: keep only the characters' delays.
    const start = await page.evaluate(() => (window as unknown as BenchWindow).__bench.keys.length);
    for (let i = 0; i < count; i++)
      await typeKey(page, TEXT[(typed + i) % TEXT.length] ?? 'a', start + i + 1);
    delays.push(
      ...(await page.evaluate(
        ([from, n]) => (window as unknown as BenchWindow).__bench.keys.slice(from, from + n),
        [start, count] as const,
      )),
    );
    typed += count;
  }
  return delays;
}

/** Styles of the console's field that decide how the browser lays its text out. */
const LAYOUT_STYLES = [
  'width',
  'height',
  'box-sizing',
  'padding',
  'border',
  'font-family',
  'font-size',
  'line-height',
  'letter-spacing',
  'white-space',
  'overflow-wrap',
  'tab-size',
] as const;

/**
 * The browser's own cost per key: the same text in a bare `<textarea>` styled like `field`, alone
 * on a blank page of the same context, typed into the same way.
 */
async function bareTextareaDelays(field: Locator, text: string, keys: number): Promise<number[]> {
  const style = await field.evaluate((el, names) => {
    const computed = getComputedStyle(el);
    return names.map((name) => `${name}:${computed.getPropertyValue(name)}`).join(';');
  }, LAYOUT_STYLES);
  const page = await field.page().context().newPage();
  try {
    await page.setContent('<!doctype html><textarea spellcheck="false"></textarea>');
    // The context's probe ran on the blank document that setContent replaced, and its key
    // listener went with it: a fresh one for this document.
    await page.evaluate(() => delete (window as unknown as Partial<BenchWindow>).__bench);
    await page.addScriptTag({ content: PAGE_PROBE });
    const bare = page.locator('textarea');
    // Through the DOM, not the markup: the font list holds quotes.
    await bare.evaluate(
      (el, [css, value]) => {
        (el as HTMLTextAreaElement).style.cssText = css;
        (el as HTMLTextAreaElement).value = value;
      },
      [style, text] as const,
    );
    await bare.click();
    await sleep(500);
    return await typeAtBothEnds(page, keys);
  } finally {
    await page.close();
  }
}

/**
 * Opens the Edit tab of the agent whose system prompt holds 200,000 characters and types into
 * the prompt, half the keys with the caret at the very start, half at the very end, one key at
 * a time at a brisk typist's pace. Each key's delay from keydown to the next frame is measured
 * in the page (probe.ts).
 */
export async function benchTyping(
  browser: Browser,
  baseUrl: string,
  tokens: Tokens,
  manifest: BenchManifest,
  options: { keys: number; timeoutMs: number; log: (line: string) => void },
): Promise<TypingResult> {
  const context = await newContext(browser, tokens);
  const page = await context.newPage();
  const empty = {
    chars: manifest.typing.chars,
    keys: 0,
    median: null,
    p95: null,
    worst: null,
    eventTimingWorst: null,
  };
  try {
    await page.goto(`${baseUrl}/agents/${manifest.typing.agentId}/edit`);
    const field = await promptField(page, options.timeoutMs);
    if (typeof field === 'string') {
      options.log(`  typing: ${field}`);
      return { ...empty, note: field };
    }
    const original = await field.inputValue();
    const before = original.length;
    await field.click();
    await sleep(500);
    const delays = await typeAtBothEnds(page, options.keys);
    const typed = options.keys;
    await sleep(500);
    const events = await page.evaluate(() => (window as unknown as BenchWindow).__bench.events);
    const after = (await field.inputValue()).length;
    const eventTimes = events
      .filter(([name]) => ['keydown', 'keypress', 'input', 'keyup', 'beforeinput'].includes(name))
      .map(([, , d]) => d);
    const note =
      after - before === typed
        ? undefined
        : `the field grew by ${after - before} characters for ${typed} keys`;
    const floor = await bareTextareaDelays(field, original, options.keys);
    const result: TypingResult = {
      chars: before,
      keys: delays.length,
      median: median(delays),
      p95: quantile(delays, 0.95),
      worst: max(delays),
      eventTimingWorst: eventTimes.length > 0 ? max(eventTimes) : 0,
      bareTextarea: { median: median(floor), p95: quantile(floor, 0.95), worst: max(floor) },
      note,
    };
    const slowest = delays
      .map((d, i) => [d, i] as const)
      .sort((a, b) => b[0] - a[0])
      .slice(0, 3)
      .map(
        ([d, i]) =>
          `key ${i + 1} (${i < Math.ceil(options.keys / 2) ? 'start' : 'end'}): ${Math.round(d)} ms`,
      );
    options.log(`  slowest keys: ${slowest.join(', ')}`);
    options.log(
      `  a bare textarea with the same text: median ${Math.round(result.bareTextarea?.median ?? NaN)} ms, worst ${Math.round(result.bareTextarea?.worst ?? NaN)} ms over ${floor.length} keys`,
    );
    options.log(
      `  typing into ${before.toLocaleString('en-US')} characters: median ${Math.round(result.median ?? NaN)} ms, worst ${Math.round(result.worst ?? NaN)} ms over ${delays.length} keys${note ? `; ${note}` : ''}`,
    );
    return result;
  } finally {
    await context.close();
  }
}
