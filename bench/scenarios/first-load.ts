import type { Browser, Page, Response } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import type { BenchManifest } from '../../server/seed/bench';
import { newContext, sleep } from '../lib/browser';
import type { BenchWindow } from '../lib/probe';
import type { Tokens } from '../lib/session';
import { CHANGED_LINE } from './review';

export interface Asset {
  url: string;
  kind: 'js' | 'css';
  /** Body bytes as they crossed the wire (compressed if the server compressed). */
  transferred: number;
  /** The body gzipped (level 9, as a static pre-compression step would): what a gzip-serving origin sends. */
  gzip: number;
  encoding: string | null;
}

export interface LoadTotals {
  js: number;
  css: number;
  jsTransferred: number;
  cssTransferred: number;
  files: string[];
}

export interface FirstLoadResult {
  signIn: LoadTotals;
  agentList: LoadTotals;
  /** JS and CSS the Review screen fetched that the agent list had not. */
  reviewAdds: LoadTotals;
  /** Whether the server compressed JS/CSS itself (Content-Encoding). */
  compressedByServer: boolean;
  /** The chunk holding react-diff-viewer-continued, and whether the first loads fetched it. */
  diffViewerChunk: string | null;
  diffViewerInFirstLoad: boolean;
  editorInFirstLoad: boolean;
}

const name = (url: string) => new URL(url).pathname.split('/').pop() ?? url;

/**
 * Records every JS/CSS response of the page; `wait` waits for their bodies, `stop` ignores any
 * response after it.
 */
function recordAssets(page: Page, into: Asset[]): { wait: () => Promise<unknown>; stop: () => void } {
  const pending: Promise<void>[] = [];
  let recording = true;
  page.on('response', (response: Response) => {
    if (!recording) return;
    const type = response.request().resourceType();
    if (type !== 'script' && type !== 'stylesheet') return;
    if (!response.url().startsWith('http')) return;
    pending.push(
      (async () => {
        const body = await response.body().catch(() => Buffer.alloc(0));
        const sizes = await response
          .request()
          .sizes()
          .catch(() => ({ responseBodySize: body.length }));
        const encoding = (await response.headerValue('content-encoding')) ?? null;
        into.push({
          url: response.url(),
          kind: type === 'script' ? 'js' : 'css',
          transferred: sizes.responseBodySize,
          gzip: encoding === 'gzip' ? sizes.responseBodySize : gzipSync(body, { level: 9 }).length,
          encoding,
        });
      })(),
    );
  });
  return {
    wait: () => Promise.all(pending),
    stop: () => {
      recording = false;
    },
  };
}

function totals(assets: Asset[]): LoadTotals {
  const sum = (kind: Asset['kind'], key: 'gzip' | 'transferred') =>
    assets.filter((a) => a.kind === kind).reduce((n, a) => n + a[key], 0);
  return {
    js: sum('js', 'gzip'),
    css: sum('css', 'gzip'),
    jsTransferred: sum('js', 'transferred'),
    cssTransferred: sum('css', 'transferred'),
    files: assets.map((a) => name(a.url)).sort(),
  };
}

async function quiet(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await sleep(500);
}

/**
 * What a first visit downloads: the sign-in page signed out; the agent list opened directly
 * signed in (both until the network is quiet); then the Review screen opened directly, counting
 * what it fetched until its first change showed and the list had not fetched (its route module,
 * the diff viewer). Fresh contexts: nothing cached.
 */
export async function benchFirstLoad(
  browser: Browser,
  baseUrl: string,
  tokens: Tokens,
  manifest: BenchManifest,
  diffViewerChunk: string | null,
  editorChunks: string[],
): Promise<FirstLoadResult> {
  const load = async (
    url: string,
    signedIn: boolean,
    ready: (page: Page) => Promise<unknown>,
    countUntil: 'quiet' | 'ready' = 'quiet',
  ) => {
    const context = await newContext(browser, signedIn ? tokens : null);
    const page = await context.newPage();
    const assets: Asset[] = [];
    const recorded = recordAssets(page, assets);
    try {
      await page.goto(url);
      await ready(page);
      if (countUntil === 'ready') recorded.stop();
      await quiet(page);
      await recorded.wait();
      return assets;
    } finally {
      await context.close();
    }
  };

  const signIn = await load(`${baseUrl}/sign-in`, false, (page) =>
    page.getByLabel('Password').first().waitFor({ timeout: 30_000 }),
  );
  const firstAgent = manifest.prompts[0];
  const list = await load(`${baseUrl}/agents`, true, (page) =>
    page.getByText('Bench ·', { exact: false }).first().waitFor({ timeout: 30_000 }),
  );
  const review = await load(
    `${baseUrl}/agents/${firstAgent?.agentId ?? 1}/review`,
    true,
    (page) =>
      page.waitForFunction(
        (selector) => (window as unknown as BenchWindow).__bench.isVisible(selector),
        CHANGED_LINE,
        { timeout: 30_000, polling: 100 },
      ),
    // What the screen needed to show its first change; once settled, an agent screen goes on to
    // fetch its other tabs' code in the background, which is not the Review screen's cost.
    'ready',
  ).catch(() => [] as Asset[]);

  const listUrls = new Set(list.map((a) => a.url));
  const firstFiles = [...signIn, ...list].map((a) => name(a.url));
  return {
    signIn: totals(signIn),
    agentList: totals(list),
    reviewAdds: totals(review.filter((a) => !listUrls.has(a.url))),
    compressedByServer: [...signIn, ...list].some((a) => a.encoding !== null),
    diffViewerChunk,
    diffViewerInFirstLoad: diffViewerChunk !== null && firstFiles.includes(diffViewerChunk),
    editorInFirstLoad: editorChunks.some((chunk) => firstFiles.includes(chunk)),
  };
}
