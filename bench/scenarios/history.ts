import type { Browser } from '@playwright/test';
import type { BenchManifest } from '../../server/seed/bench';
import {
  isPlaceholder,
  longestTask,
  measureInApp,
  newContext,
  sleep,
  whenVisible,
  type VisibleRun,
} from '../lib/browser';
import type { BenchWindow } from '../lib/probe';
import type { Tokens } from '../lib/session';
import { median } from '../lib/stats';

/** A publish record in the History timeline (src/features/history/publish-timeline.tsx): a row's link. */
export const HISTORY_ROW = '[role="list"][aria-label="Publish history"] [role="listitem"] a[href]';
const SCROLL_TO_RECORD = 1_000;
/** Pixels per frame: 14,400 px (about 130 records) a second at 60 frames a second, a brisk scroll-wheel fling. */
const SCROLL_STEP_PX = 240;

export interface HistoryRun {
  firstPage: number | null;
  /** Longest task from the first scroll to the 1,000th record on screen. */
  scrollLongestTask: number | null;
  scrollMs: number | null;
  reached: number | null;
  note?: string;
}

export interface HistoryResult {
  publishes: number;
  firstPage: number | null;
  scrollLongestTask: number | null;
  scrollMs: number | null;
  runs: HistoryRun[];
  note?: string;
  /** Inside the running app: the History tab clicked on the agent's Review tab. */
  inAppFirstPage: number | null;
  inAppLongestTask: number | null;
  inAppRuns: VisibleRun[];
}

/**
 * In the page: scrolls the timeline's scroll container by SCROLL_STEP_PX every frame until the
 * row of the `target`th record is on screen (fetching pages as the timeline asks for them), or
 * the time runs out. Plain JavaScript text for the reason given in probe.ts.
 */
const scrollScript = (target: number, step: number, timeoutMs: number) => String.raw`
new Promise((resolve) => {
  const list = document.querySelector('[role="list"][aria-label="Publish history"]');
  if (!list) return resolve({ error: 'no timeline' });
  let scroller = list.parentElement;
  while (scroller && scroller !== document.body) {
    const style = getComputedStyle(scroller);
    if (/(auto|scroll)/.test(style.overflowY) && scroller.scrollHeight > scroller.clientHeight) break;
    scroller = scroller.parentElement;
  }
  if (!scroller || scroller === document.body) scroller = document.scrollingElement;
  const started = performance.now();
  let frames = 0;
  const reached = () => {
    let best = 0;
    const height = window.innerHeight;
    for (const row of list.querySelectorAll('[role="listitem"]')) {
      const at = Number(row.getAttribute('aria-posinset'));
      const box = row.getBoundingClientRect();
      if (box.top < height && box.bottom > 0 && at > best && row.querySelector('a[href]')) best = at;
    }
    return best;
  };
  const tick = () => {
    frames++;
    const best = reached();
    if (best >= ${target}) return resolve({ started, ended: performance.now(), frames, reached: best });
    if (performance.now() - started > ${timeoutMs}) return resolve({ started, ended: performance.now(), frames, reached: best, timedOut: true });
    scroller.scrollTop += ${step};
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})
`;

interface ScrollOutcome {
  error?: string;
  started: number;
  ended: number;
  frames: number;
  reached: number;
  timedOut?: boolean;
}

export async function benchHistory(
  browser: Browser,
  baseUrl: string,
  tokens: Tokens,
  manifest: BenchManifest,
  options: { runs: number; timeoutMs: number; log: (line: string) => void },
): Promise<HistoryResult> {
  const runs: HistoryRun[] = [];
  for (let run = 0; run < options.runs; run++) {
    const context = await newContext(browser, tokens, HISTORY_ROW);
    const page = await context.newPage();
    try {
      const visible = whenVisible(page, options.timeoutMs);
      await page.goto(`${baseUrl}/agents/${manifest.history.agentId}/history`, { waitUntil: 'commit' });
      const shown = await visible;
      if (!shown) {
        const text = await page
          .locator('body')
          .innerText()
          .catch(() => '');
        const note = isPlaceholder(text)
          ? 'n/a (screen missing)'
          : `no record shown within ${options.timeoutMs / 1000} s`;
        runs.push({ firstPage: null, scrollLongestTask: null, scrollMs: null, reached: null, note });
        options.log(`  history run ${run + 1}: ${note}`);
        if (isPlaceholder(text)) break;
        continue;
      }
      const firstPage = await page.evaluate(() => (window as unknown as BenchWindow).__bench.firstVisible);
      // Let the first page finish rendering so the scroll measures scrolling, not the load.
      await sleep(1_000);
      const outcome = await page.evaluate<ScrollOutcome>(
        scrollScript(SCROLL_TO_RECORD, SCROLL_STEP_PX, 60_000),
      );
      if (outcome.error !== undefined) {
        runs.push({ firstPage, scrollLongestTask: null, scrollMs: null, reached: null, note: outcome.error });
        continue;
      }
      const worst = await longestTask(page, outcome.started, outcome.ended);
      const note = outcome.timedOut
        ? `reached record ${outcome.reached} of ${SCROLL_TO_RECORD} in 60 s`
        : undefined;
      runs.push({
        firstPage,
        scrollLongestTask: worst,
        scrollMs: outcome.ended - outcome.started,
        reached: outcome.reached,
        note,
      });
      options.log(
        `  history run ${run + 1}: first page ${Math.round(firstPage ?? NaN)} ms; scrolled to record ${outcome.reached} in ${Math.round(outcome.ended - outcome.started)} ms (${outcome.frames} frames), longest task ${Math.round(worst)} ms`,
      );
    } finally {
      await context.close();
    }
  }
  const inAppRuns: VisibleRun[] = [];
  for (let run = 0; run < options.runs && runs.some((r) => r.firstPage !== null); run++) {
    const inApp = await measureInApp(browser, tokens, {
      startUrl: `${baseUrl}/agents/${manifest.history.agentId}/review`,
      click: (page) => page.getByRole('tab', { name: 'History' }).click(),
      selector: HISTORY_ROW,
      timeoutMs: options.timeoutMs,
      dwellMs: 3_000,
    });
    inAppRuns.push(inApp);
    options.log(
      `  history in app, run ${run + 1}: ${inApp.firstVisible === null ? 'not shown' : `first page ${Math.round(inApp.firstVisible)} ms`}, longest task ${Math.round(inApp.longestTask)} ms`,
    );
  }
  const inAppShown = inAppRuns.filter((r) => r.firstVisible !== null);
  const shown = runs.filter((r) => r.firstPage !== null);
  const scrolled = runs.filter((r) => r.scrollLongestTask !== null);
  return {
    publishes: manifest.history.publishes,
    firstPage: shown.length > 0 ? median(shown.map((r) => r.firstPage as number)) : null,
    scrollLongestTask:
      scrolled.length > 0 ? median(scrolled.map((r) => r.scrollLongestTask as number)) : null,
    scrollMs: scrolled.length > 0 ? median(scrolled.map((r) => r.scrollMs as number)) : null,
    runs,
    note: runs.find((r) => r.note !== undefined)?.note,
    inAppFirstPage: inAppShown.length > 0 ? median(inAppShown.map((r) => r.firstVisible as number)) : null,
    inAppLongestTask: inAppShown.length > 0 ? median(inAppShown.map((r) => r.longestTask)) : null,
    inAppRuns,
  };
}
