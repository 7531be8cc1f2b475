// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { agentQueries } from '@/api/agents/queries';
import { onSessionExpired } from '@/api/http';
import { publishQueries } from '@/api/publishes/queries';
import { getSession, setSession } from '@/api/session';
import { jsonResponse, stubFetch } from '@/test/render-with-router';
import { prepareTextDiffs } from '@/components/diff/prepare-text-diffs';
import { queryClient } from '../query-client';
import {
  agentEditLoader,
  agentHistoryLoader,
  agentListLoader,
  agentLoader,
  agentReviewLoader,
  prefetchAgentTab,
  prefetchInPause,
  shellLoader,
} from './loaders';

vi.mock('@/components/diff/prepare-text-diffs', () => ({ prepareTextDiffs: vi.fn() }));

beforeEach(() => setSession({ ejentoToken: 'platform-1', authToken: 'auth-1' }));
afterEach(() => {
  vi.mocked(prepareTextDiffs).mockClear();
  setSession(null);
  queryClient.clear();
  vi.unstubAllGlobals();
});

const failing = () => jsonResponse(500, { success: false, message: 'down', error: { code: 'INTERNAL' } });

/** A staging diff of agent 7, as the server answers it. */
const stagingDiffOf = (sections: unknown[]) => () =>
  jsonResponse(200, {
    success: true,
    data: { agent_id: 7, staging_fingerprint: 'f1', live_change_track_id: 3, has_changes: true, sections },
  });

describe('prefetchAgentTab', () => {
  it('starts what the tab needs and nothing the agent page already holds', () => {
    const calls = stubFetch(failing);
    prefetchAgentTab(7, 'review');
    prefetchAgentTab(7, 'edit');
    expect(calls.map((c) => c.url.pathname)).toEqual(['/api/v2/agents/7/staging-diff']);
  });

  it('is a warm-up: a session found expired does not end it (the click will)', async () => {
    const expired = vi.fn();
    onSessionExpired(expired);
    try {
      stubFetch(() =>
        jsonResponse(401, { success: false, message: 'Expired', error: { code: 'UNAUTHORIZED' } }),
      );
      prefetchAgentTab(7, 'review');
      prefetchAgentTab(7, 'history');
      await vi.waitFor(() =>
        expect(queryClient.getQueryState(publishQueries.list(7).queryKey)?.status).toBe('error'),
      );
      await vi.waitFor(() =>
        expect(queryClient.getQueryState(agentQueries.stagingDiff(7).queryKey)?.status).toBe('error'),
      );
      expect(expired).not.toHaveBeenCalled();
      expect(getSession()).not.toBeNull();
    } finally {
      onSessionExpired(null);
    }
  });

  it('leaves a query that failed alone, so its error and "Try again" stay on screen', async () => {
    stubFetch(failing);
    await queryClient.prefetchQuery({ ...agentQueries.stagingDiff(7), retry: false });
    expect(queryClient.getQueryState(agentQueries.stagingDiff(7).queryKey)?.status).toBe('error');
    const calls = stubFetch(failing);
    prefetchAgentTab(7, 'review');
    expect(calls).toHaveLength(0);
    expect(queryClient.getQueryState(agentQueries.stagingDiff(7).queryKey)?.status).toBe('error');
  });
});

describe('the line diffs of long texts', () => {
  const prompt = {
    path: 'prefix_prompt',
    label: 'System prompt',
    change: 'modified',
    before: 'a\nb',
    after: 'a\nc',
  };
  const stagingDiff = stagingDiffOf([{ key: 'agent_settings', title: 'Agent settings', changes: [prompt] }]);
  const handedOver = () =>
    vi.mocked(prepareTextDiffs).mock.calls.map(([diff]) => diff.sections[0]?.changes[0]?.after);

  it('start as soon as a pointer on the Review tab has fetched the diff, before any click', async () => {
    stubFetch(stagingDiff);
    prefetchAgentTab(7, 'review');
    await vi.waitFor(() => expect(handedOver()).toEqual(['a\nc']));
  });

  it('start from the Review loader once the diff is there', async () => {
    stubFetch(stagingDiff);
    await agentReviewLoader({ params: { agentId: '7' } } as never);
    await vi.waitFor(() => expect(handedOver()).toEqual(['a\nc']));
  });
});

describe('prefetchInPause (a pause on an agent page)', () => {
  let revision = 0;
  /** The agent as the cache holds it; each call is a new state of the agent (a new revision). */
  const agentWith = (hasUnpublishedChanges: boolean) =>
    queryClient.setQueryData(agentQueries.detail(7).queryKey, {
      id: 7,
      hasUnpublishedChanges,
      stagingRevision: ++revision,
    } as never);

  const paths = (calls: { url: URL }[]) => calls.map((c) => `${c.url.pathname}${c.url.search}`);
  const diff = '/api/v2/agents/7/staging-diff';
  const history = [
    '/api/v2/agents/7/publishes?page=1&items_per_page=1',
    '/api/v2/agents/7/publishes?page=1&items_per_page=50',
  ];

  it('fetches what the other tabs show: the staging diff of unpublished changes, the history', () => {
    agentWith(true);
    const calls = stubFetch(failing);
    prefetchInPause(7, 'history');
    expect(paths(calls)).toEqual([diff]);
    queryClient.clear();
    agentWith(true);
    calls.length = 0;
    prefetchInPause(7, 'review');
    expect(paths(calls)).toEqual(history);
    queryClient.clear();
    agentWith(true);
    calls.length = 0;
    prefetchInPause(7, 'edit');
    expect(paths(calls)).toEqual([diff, ...history]);
  });

  it('fetches it once per state of the agent, not again in every pause', async () => {
    agentWith(true);
    const calls = stubFetch(stagingDiffOf([]));
    const fetched = () => calls.filter((c) => c.url.pathname === '/api/v2/agents/7/staging-diff').length;
    prefetchInPause(7, 'history');
    await vi.waitFor(() =>
      expect(queryClient.getQueryState(agentQueries.stagingDiff(7).queryKey)?.status).toBe('success'),
    );
    // Later pauses, long after the query client would call the diff stale.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 60_000);
      prefetchInPause(7, 'history');
      prefetchInPause(7, 'edit');
      expect(fetched()).toBe(1);
      // A refetch of the agent that finds it unchanged is no new state.
      queryClient.setQueryData(agentQueries.detail(7).queryKey, (old) => (old ? { ...old } : old));
      prefetchInPause(7, 'history');
      expect(fetched()).toBe(1);
      // An edit is saved: the agent changes, and the next pause fetches its diff again.
      agentWith(true);
      prefetchInPause(7, 'edit');
      expect(fetched()).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('asks for no diff when staging matches production, and nothing before the agent is known', () => {
    const calls = stubFetch(failing);
    prefetchInPause(7, 'edit');
    expect(calls).toHaveLength(0);
    agentWith(false);
    prefetchInPause(7, 'history');
    expect(calls).toHaveLength(0);
  });
});

describe('a link opened while signed out', () => {
  it('goes to sign-in without asking the API for anything', async () => {
    setSession(null);
    const calls = stubFetch(failing);
    const request = new Request('http://console.test/agents/7/review?x=1');
    const args = { request, params: { agentId: '7' }, context: undefined } as never;
    let thrown: unknown = null;
    try {
      shellLoader(args);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).headers.get('Location')).toMatch(/^\/sign-in\?next=/);
    // Opened as a link: sign-in takes the link's place in the history, so Back leaves the console.
    expect((thrown as Response).headers.has('X-Remix-Replace')).toBe(true);
    agentLoader(args);
    await agentEditLoader(args);
    await agentReviewLoader(args);
    await agentHistoryLoader(args);
    expect(calls).toEqual([]);
  });
});

describe('agentListLoader', () => {
  const load = (path: string) => {
    const args = {
      request: new Request(`http://console.test${path}`),
      params: {},
      context: undefined,
    } as never;
    try {
      return agentListLoader(args);
    } catch (thrown) {
      return thrown;
    }
  };

  it('puts right a URL the list cannot read in full before the screen renders, so a sign-in redirect keeps it', () => {
    stubFetch(failing);
    const answer = load('/agents?q=%20care%20&page=1&utm=x');
    expect(answer).toBeInstanceOf(Response);
    expect((answer as Response).headers.get('Location')).toBe('/agents?q=care');
    expect((load('/agents?page=abc') as Response).headers.get('Location')).toBe('/agents');
  });

  it('leaves a URL it reads in full as it is', () => {
    stubFetch(failing);
    expect(load('/agents?q=care&project=101&unpublished=1&page=2')).toBeNull();
    expect(load('/agents')).toBeNull();
  });
});
