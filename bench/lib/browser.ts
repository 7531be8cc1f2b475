import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../playwright.config';
import { PAGE_PROBE, VISIBLE_SIGNAL, watchScript, type BenchWindow } from './probe';
import { sessionScript, type Tokens } from './session';

export const VIEWPORT = { width: 1440, height: 900 };

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/**
 * A fresh context (empty cache, as on a first visit) with the probe installed and, when
 * `tokens` is given, the session already in sessionStorage so the app opens signed in.
 */
export async function newContext(
  browser: Browser,
  tokens: Tokens | null,
  watch?: string,
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: VIEWPORT, colorScheme: 'light' });
  if (tokens) await context.addInitScript({ content: sessionScript(tokens) });
  await context.addInitScript({ content: watch === undefined ? PAGE_PROBE : watchScript(watch) });
  return context;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Resolves true once the probe says the watched element showed (its console message), false
 * after `timeoutMs`. Call it before the step measured. Nothing runs in the page meanwhile: no
 * polling, and none of Playwright's injected script, whose compiling would be counted as the
 * page's own work.
 */
export function whenVisible(page: Page, timeoutMs: number): Promise<boolean> {
  return page
    .waitForEvent('console', {
      predicate: (message) => message.text() === VISIBLE_SIGNAL,
      timeout: timeoutMs,
    })
    .then(() => true)
    .catch(() => false);
}

export interface VisibleRun {
  /** ms from the navigation's start to the first frame showing the watched element; null if it never showed. */
  firstVisible: number | null;
  /** Longest main-thread task from the navigation's start until the page settled. */
  longestTask: number;
  /** What the page said when the element never showed, to tell a missing screen from a slow one. */
  pageText?: string;
}

/**
 * Opens `url` in a fresh context and waits for `selector` to be visible (see probe.ts), then
 * for the page to settle: one second without a new long task (at most `settleCapMs`). The
 * longest task is taken over the whole window, so work done after the first paint counts too.
 */
export async function measureVisible(
  browser: Browser,
  tokens: Tokens | null,
  url: string,
  selector: string,
  timeoutMs: number,
  settleCapMs = 10_000,
): Promise<VisibleRun> {
  const context = await newContext(browser, tokens, selector);
  const page = await context.newPage();
  try {
    const shown = whenVisible(page, timeoutMs);
    await page.goto(url, { waitUntil: 'commit' });
    if (!(await shown)) {
      return { firstVisible: null, longestTask: await longestTask(page), pageText: await pageTextOf(page) };
    }
    await settle(page, settleCapMs);
    const firstVisible = await page.evaluate(() => (window as unknown as BenchWindow).__bench.firstVisible);
    return { firstVisible, longestTask: await longestTask(page) };
  } finally {
    await context.close();
  }
}

/** What the page says (its first 300 characters), to tell a missing screen from a slow one. */
const pageTextOf = async (page: Page) =>
  (
    await page
      .locator('body')
      .innerText({ timeout: 5_000 })
      .catch(() => '')
  ).slice(0, 300);

/** Waits until no long task has ended in the last second, or `capMs` passed. */
export async function settle(page: Page, capMs: number): Promise<void> {
  const deadline = Date.now() + capMs;
  await sleep(300);
  while (Date.now() < deadline) {
    const quiet = await page.evaluate(() => {
      const { longtasks } = (window as unknown as BenchWindow).__bench;
      const last = longtasks.reduce((end, [start, duration]) => Math.max(end, start + duration), 0);
      return performance.now() - last;
    });
    if (quiet >= 1_000) return;
    await sleep(Math.max(100, 1_000 - quiet));
  }
}

export function longestTask(page: Page, from = 0, to = Number.MAX_SAFE_INTEGER): Promise<number> {
  return page.evaluate(([f, t]) => (window as unknown as BenchWindow).__bench.maxTask(f, t), [
    from,
    to,
  ] as const);
}

/** Text of a route module still holding its placeholder (`<p>agent-history</p>`): the screen is not built yet. */
export const isPlaceholder = (text: string | undefined) =>
  text !== undefined && /\bagent-(edit|review|history)\b/.test(text);

export interface InAppOptions {
  /** The page the user is on before the step measured; it loads fully first. */
  startUrl: string;
  /** The user's step: a click on a tab or a button. Timing starts at the click event. */
  click: (page: Page) => Promise<void>;
  selector: string;
  timeoutMs: number;
  /** Time given to the start page once the network is quiet, as a person reads it before moving on. */
  dwellMs: number;
}

/**
 * A step inside a running app: the start page loads (fresh context), the person reads it for
 * `dwellMs`, then clicks; measured from the click event's time stamp to the first frame showing
 * `selector`, with the longest task from the click until the page settled.
 */
export async function measureInApp(
  browser: Browser,
  tokens: Tokens | null,
  options: InAppOptions,
): Promise<VisibleRun> {
  const context = await newContext(browser, tokens);
  const page = await context.newPage();
  try {
    await page.goto(options.startUrl, { waitUntil: 'networkidle' });
    await sleep(options.dwellMs);
    await page.waitForLoadState('networkidle');
    // Listening before the watch starts: an element already on screen is reported at once.
    const visible = whenVisible(page, options.timeoutMs);
    await page.evaluate((selector) => {
      const w = window as unknown as BenchWindow & { __clickedAt?: number };
      document.addEventListener('click', (event) => (w.__clickedAt ??= event.timeStamp), { capture: true });
      w.__bench.watch(selector);
    }, options.selector);
    await options.click(page);
    const shown = await visible;
    const clickedAt = await page.evaluate(
      () => (window as unknown as { __clickedAt?: number }).__clickedAt ?? Number.NaN,
    );
    if (!shown) {
      return {
        firstVisible: null,
        longestTask: await longestTask(page, clickedAt),
        pageText: await pageTextOf(page),
      };
    }
    await settle(page, 10_000);
    const firstVisible = await page.evaluate(() => (window as unknown as BenchWindow).__bench.firstVisible);
    // On screen before the click: the step measured nothing (the start page already showed it).
    const measured = firstVisible !== null && firstVisible >= clickedAt ? firstVisible - clickedAt : null;
    return {
      firstVisible: measured,
      longestTask: await longestTask(page, clickedAt),
      ...(measured === null ? { pageText: 'shown before the click' } : {}),
    };
  } finally {
    await context.close();
  }
}
