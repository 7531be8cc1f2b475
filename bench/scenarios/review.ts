import type { Browser } from '@playwright/test';
import type { BenchManifest } from '../../server/seed/bench';
import { isPlaceholder, measureInApp, measureVisible, type VisibleRun } from '../lib/browser';
import type { Tokens } from '../lib/session';
import { median } from '../lib/stats';

/**
 * A changed line of a text diff. react-diff-viewer-continued (the app's wrapper and the plain
 * page alike) names its emotion classes after the style: `css-<hash>-diff-added` on the cells of
 * an added line, `-diff-removed` on a removed one. `data-diff-line` covers a renderer of our own.
 */
export const CHANGED_LINE = [
  '[class*="-diff-added"]',
  '[class*="-diff-removed"]',
  '[data-diff-line="added"]',
  '[data-diff-line="removed"]',
].join(', ');

export interface ReviewSide {
  firstVisible: number | null;
  longestTask: number;
  runs: VisibleRun[];
  note?: string;
}

export interface ReviewComparison {
  app: ReviewSide;
  plain: ReviewSide;
  /** plain ÷ app time to the first change; for a plain page that never showed it, its timeout ÷ app. */
  ratio: number | null;
  ratioIsLowerBound: boolean;
}

export interface ReviewResult extends ReviewComparison {
  lines: number;
  changedLines: number;
  /**
   * Inside the running app: the Review tab clicked on the agent's History tab, against the
   * plain page's "Show the diff" button (which then fetches and renders the same two texts).
   */
  inApp?: ReviewComparison;
}

function side(runs: VisibleRun[], timeoutMs: number): ReviewSide {
  const shown = runs.filter((r) => r.firstVisible !== null);
  const longestTask = median(runs.map((r) => r.longestTask));
  if (shown.length === 0) {
    const text = runs.find((r) => r.pageText !== undefined)?.pageText;
    const note = isPlaceholder(text)
      ? 'n/a (screen missing)'
      : `not shown within ${Math.round(timeoutMs / 1000)} s`;
    return { firstVisible: null, longestTask, runs, note };
  }
  return { firstVisible: median(shown.map((r) => r.firstVisible as number)), longestTask, runs };
}

export interface ReviewOptions {
  runs: number;
  /** Runs of the plain page for prompts of this many lines or more (it can take a minute each). */
  plainRunsForHuge: number;
  appTimeoutMs: number;
  plainTimeoutMs: number;
  log: (line: string) => void;
}

/**
 * For each prompt size, in the same browser and interleaved run by run: the Review screen of the
 * agent, then the plain page rendering the same two texts with the viewer's defaults. Each load
 * is a fresh context (cold cache) that starts at navigation and ends when a changed line shows.
 */
export async function benchReview(
  browser: Browser,
  baseUrl: string,
  tokens: Tokens,
  manifest: BenchManifest,
  options: ReviewOptions,
): Promise<ReviewResult[]> {
  const results: ReviewResult[] = [];
  for (const prompt of manifest.prompts) {
    const appRuns: VisibleRun[] = [];
    const plainRuns: VisibleRun[] = [];
    const plainRunCount = prompt.lines >= 100_000 ? options.plainRunsForHuge : options.runs;
    for (let run = 0; run < options.runs; run++) {
      const app = await measureVisible(
        browser,
        tokens,
        `${baseUrl}/agents/${prompt.agentId}/review`,
        CHANGED_LINE,
        options.appTimeoutMs,
      );
      appRuns.push(app);
      options.log(`  review ${prompt.lines} lines, run ${run + 1}: app ${fmt(app)}`);
      if (app.firstVisible === null && isPlaceholder(app.pageText)) break;
      if (run < plainRunCount) {
        const plain = await measureVisible(
          browser,
          null,
          `${baseUrl}/__bench/plain/?agent=${prompt.agentId}`,
          CHANGED_LINE,
          options.plainTimeoutMs,
          30_000,
        );
        plainRuns.push(plain);
        options.log(`  review ${prompt.lines} lines, run ${run + 1}: plain ${fmt(plain)}`);
      }
    }
    const pageLoad = compare(appRuns, plainRuns, options);
    const inAppRuns: VisibleRun[] = [];
    const inAppPlainRuns: VisibleRun[] = [];
    for (let run = 0; run < options.runs; run++) {
      if (appRuns.every((r) => r.firstVisible === null)) break;
      const app = await measureInApp(browser, tokens, {
        startUrl: `${baseUrl}/agents/${prompt.agentId}/history`,
        click: (page) => page.getByRole('tab', { name: 'Review changes' }).click(),
        selector: CHANGED_LINE,
        timeoutMs: options.appTimeoutMs,
        dwellMs: IN_APP_DWELL_MS,
      });
      inAppRuns.push(app);
      options.log(`  review ${prompt.lines} lines, in app, run ${run + 1}: app ${fmt(app)}`);
      if (run < plainRunCount) {
        const plain = await measureInApp(browser, null, {
          startUrl: `${baseUrl}/__bench/plain/?agent=${prompt.agentId}&on=click`,
          click: (page) => page.getByRole('button', { name: 'Show the diff' }).click(),
          selector: CHANGED_LINE,
          timeoutMs: options.plainTimeoutMs,
          dwellMs: IN_APP_DWELL_MS,
        });
        inAppPlainRuns.push(plain);
        options.log(`  review ${prompt.lines} lines, in app, run ${run + 1}: plain ${fmt(plain)}`);
      }
    }
    results.push({
      lines: prompt.lines,
      changedLines: prompt.changedLines,
      ...pageLoad,
      inApp: inAppRuns.length > 0 ? compare(inAppRuns, inAppPlainRuns, options) : undefined,
    });
  }
  return results;
}

/** How long the start page of an in-app step is read before the click (see measureInApp). */
const IN_APP_DWELL_MS = 3_000;

function compare(appRuns: VisibleRun[], plainRuns: VisibleRun[], options: ReviewOptions): ReviewComparison {
  const app = side(appRuns, options.appTimeoutMs);
  const plain =
    plainRuns.length > 0
      ? side(plainRuns, options.plainTimeoutMs)
      : { firstVisible: null, longestTask: Number.NaN, runs: [], note: 'not run' };
  let ratio: number | null = null;
  let ratioIsLowerBound = false;
  if (app.firstVisible !== null && app.firstVisible > 0) {
    if (plain.firstVisible !== null) ratio = plain.firstVisible / app.firstVisible;
    else if (plain.runs.length > 0) {
      ratio = options.plainTimeoutMs / app.firstVisible;
      ratioIsLowerBound = true;
    }
  }
  return { app, plain, ratio, ratioIsLowerBound };
}

const fmt = (run: VisibleRun) =>
  run.firstVisible === null
    ? `not shown (longest task ${Math.round(run.longestTask)} ms)${run.pageText ? `; page: ${JSON.stringify(run.pageText.slice(0, 80))}` : ''}`
    : `first change ${Math.round(run.firstVisible)} ms, longest task ${Math.round(run.longestTask)} ms`;
