// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInThisContext } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fetchMe } from './auth/fetchers';
import { fetchAgent, fetchAgentPermissions, fetchStagingDiff } from './agents/fetchers';
import { fetchPublishPage } from './publishes/fetchers';
import { PUBLISH_PAGE_SIZE } from './publishes/queries';
import { EARLY_READS_FOR_MS, earlyAnswer, takeEarlyRead } from './early-reads';
import { setSession } from './session';

/** The classic script index.html runs before the app's code. */
const script = readFileSync(join(process.cwd(), 'public', 'early-reads.js'), 'utf8');

interface Sent {
  url: string;
  init: RequestInit;
}

function stubFetch() {
  const sent: Sent[] = [];
  vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
    sent.push({ url, init });
    return Promise.resolve(
      new Response(JSON.stringify({ success: true, message: 'ok', data: {} }), {
        headers: { 'Content-Type': 'application/json' },
      }),
    );
  });
  return sent;
}

/** Loads the page at `path` (with a session) and runs the early script, as the browser would. */
function loadPage(path: string) {
  history.replaceState(null, '', path);
  const sent = stubFetch();
  runInThisContext(script);
  return sent;
}

/** What a request is, for comparing the script's with the app's: all but the abort signal. */
const shape = ({ url, init }: Sent) => ({
  url,
  method: init.method ?? 'GET',
  headers: init.headers,
  cache: init.cache,
  body: init.body,
});

const settle = (promise: Promise<unknown>) => promise.then(ignore, ignore);
const ignore = () => undefined;

beforeEach(() => setSession({ ejentoToken: 'platform-1', authToken: 'auth-1' }));
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  globalThis.__ejentoEarlyReads = undefined;
  setSession(null);
  history.replaceState(null, '', '/');
});

describe('early reads', () => {
  it('on the Review screen, are the requests the app sends first (URL, method, headers), which it then does not send again', async () => {
    const early = loadPage('/agents/7/review');
    expect(early).toHaveLength(4);
    const reads = () => [fetchMe(), fetchAgent(7, 'staging'), fetchAgentPermissions(7), fetchStagingDiff(7)];
    await Promise.all(reads().map(settle));
    expect(early).toHaveLength(4);
    // The same reads without the script: what the app itself sends.
    globalThis.__ejentoEarlyReads = undefined;
    const own = stubFetch();
    await Promise.all(reads().map(settle));
    expect(early.map(shape)).toEqual(own.map(shape));
  });

  it('on History, with its filters, are the first page and the newest record the app asks for', async () => {
    const early = loadPage('/agents/7/history?by=%20ana%40example.com%20&q=refund%20policy&version=3');
    const reads = () => [
      fetchAgent(7, 'staging'),
      fetchPublishPage(7, { perPage: 1 }, 1),
      fetchPublishPage(
        7,
        { perPage: PUBLISH_PAGE_SIZE, publishedBy: ' ana@example.com ', q: 'refund policy' },
        1,
      ),
    ];
    const before = early.length;
    await Promise.all(reads().map(settle));
    expect(early).toHaveLength(before);
    globalThis.__ejentoEarlyReads = undefined;
    const own = stubFetch();
    await Promise.all(reads().map(settle));
    expect(early.filter((s) => own.some((o) => o.url === s.url)).map(shape)).toEqual(own.map(shape));
  });

  it('are each taken once, with the token they were sent with, in the first seconds after they were sent', async () => {
    const early = loadPage('/agents/7/edit');
    expect(early.map((s) => s.url)).toEqual([
      '/api/v2/users/me',
      '/api/v2/agents/7',
      '/api/v2/agents/7/permissions/me',
    ]);
    expect(takeEarlyRead('/api/v2/agents/7', 'someone-else')).toBeNull();
    expect(takeEarlyRead('/api/v2/agents/7', 'platform-1')).not.toBeNull();
    expect(takeEarlyRead('/api/v2/agents/7', 'platform-1')).toBeNull();
    // The app's own read of the agent goes out as usual now.
    await settle(fetchAgent(7, 'staging'));
    expect(early.at(-1)?.url).toBe('/api/v2/agents/7');
    const startedAt = globalThis.__ejentoEarlyReads!.startedAt;
    vi.spyOn(performance, 'now').mockReturnValue(startedAt + EARLY_READS_FOR_MS + 1);
    expect(takeEarlyRead('/api/v2/users/me', 'platform-1')).toBeNull();
    expect(globalThis.__ejentoEarlyReads).toBeUndefined();
  });

  it('are dropped, and aborted, when the session changes', () => {
    const early = loadPage('/agents/7/review');
    setSession({ ejentoToken: 'platform-2', authToken: 'auth-2' });
    expect(globalThis.__ejentoEarlyReads).toBeUndefined();
    expect(early.every((s) => s.init.signal?.aborted)).toBe(true);
  });

  it('are not made without a session, or for other pages', () => {
    setSession(null);
    expect(loadPage('/agents/7/review')).toEqual([]);
    setSession({ ejentoToken: 'platform-1', authToken: 'auth-1' });
    expect(loadPage('/agents')).toEqual([]);
    expect(loadPage('/agents/0/review')).toEqual([]);
    expect(loadPage('/agents/7/review/extra')).toEqual([]);
  });
});

describe('earlyAnswer', () => {
  it('aborts the early read, and gives up on it, when the caller’s signal aborts', async () => {
    const abort = vi.fn();
    const controller = new AbortController();
    const waiting = earlyAnswer({ response: new Promise(() => undefined), abort }, controller.signal);
    const reason = new DOMException('The operation timed out.', 'TimeoutError');
    controller.abort(reason);
    await expect(waiting).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(abort).toHaveBeenCalledWith(reason);
    const answer = new Response('{}');
    await expect(
      earlyAnswer({ response: Promise.resolve(answer), abort }, new AbortController().signal),
    ).resolves.toBe(answer);
  });
});
