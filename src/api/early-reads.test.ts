// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInThisContext } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fetchMe } from './auth/fetchers';
import { fetchAgent, fetchAgentPermissions, fetchStagingDiff } from './agents/fetchers';
import { fetchPublishPage } from './publishes/fetchers';
import { PUBLISH_PAGE_SIZE } from './publishes/queries';
import { EARLY_READS_FOR_MS, takeEarlyRead, untilAborted } from './early-reads';
import { setSession } from './session';

/** The classic script index.html runs before the app's code. */
const script = readFileSync(join(process.cwd(), 'public', 'early-reads.js'), 'utf8');

function stubFetch() {
  const urls: string[] = [];
  vi.stubGlobal('fetch', (url: string) => {
    urls.push(url);
    return Promise.resolve(
      new Response(JSON.stringify({ success: true, message: 'ok', data: {} }), {
        headers: { 'Content-Type': 'application/json' },
      }),
    );
  });
  return urls;
}

/** Loads the page at `path` (with a session) and runs the early script, as the browser would. */
function loadPage(path: string) {
  history.replaceState(null, '', path);
  const urls = stubFetch();
  runInThisContext(script);
  return urls;
}

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
  it('on the Review screen, are the reads the app makes first, which it then does not send again', async () => {
    const early = loadPage('/agents/7/review');
    expect(early).toHaveLength(4);
    const before = early.length;
    await Promise.all(
      [fetchMe(), fetchAgent(7, 'staging'), fetchAgentPermissions(7), fetchStagingDiff(7)].map(settle),
    );
    expect(early.slice(before)).toEqual([]);
  });

  it('on History, with its filters, are the first page and the newest record the app asks for', async () => {
    const early = loadPage('/agents/7/history?by=%20ana%40example.com%20&q=refund%20policy&version=3');
    const before = early.length;
    await Promise.all(
      [
        fetchAgent(7, 'staging'),
        fetchPublishPage(7, { perPage: 1 }, 1),
        fetchPublishPage(
          7,
          { perPage: PUBLISH_PAGE_SIZE, publishedBy: ' ana@example.com ', q: 'refund policy' },
          1,
        ),
      ].map(settle),
    );
    expect(early.slice(before)).toEqual([]);
  });

  it('are each taken once, with the token they were sent with, in the first seconds of the page', async () => {
    const early = loadPage('/agents/7/edit');
    expect(early).toEqual(['/api/v2/users/me', '/api/v2/agents/7', '/api/v2/agents/7/permissions/me']);
    expect(takeEarlyRead('/api/v2/agents/7', 'someone-else')).toBeNull();
    expect(takeEarlyRead('/api/v2/agents/7', 'platform-1')).not.toBeNull();
    expect(takeEarlyRead('/api/v2/agents/7', 'platform-1')).toBeNull();
    // The app's own read of the agent goes out as usual now.
    await settle(fetchAgent(7, 'staging'));
    expect(early.at(-1)).toBe('/api/v2/agents/7');
    vi.spyOn(performance, 'now').mockReturnValue(EARLY_READS_FOR_MS + 1);
    expect(takeEarlyRead('/api/v2/users/me', 'platform-1')).toBeNull();
    expect(globalThis.__ejentoEarlyReads).toBeUndefined();
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

describe('untilAborted', () => {
  it('gives up on an answer when the signal aborts, with the signal’s reason', async () => {
    const controller = new AbortController();
    const never = new Promise<never>(() => undefined);
    const waiting = untilAborted(never, controller.signal);
    controller.abort(new DOMException('The operation timed out.', 'TimeoutError'));
    await expect(waiting).rejects.toMatchObject({ name: 'TimeoutError' });
    await expect(untilAborted(Promise.resolve(3), new AbortController().signal)).resolves.toBe(3);
  });
});
