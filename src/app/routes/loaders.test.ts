// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { agentQueries } from '@/api/agents/queries';
import { setSession } from '@/api/session';
import { jsonResponse, stubFetch } from '@/test/render-with-router';
import { queryClient } from '../query-client';
import { prefetchAgentTab } from './loaders';

beforeEach(() => setSession({ ejentoToken: 'platform-1', authToken: 'auth-1' }));
afterEach(() => {
  setSession(null);
  queryClient.clear();
  vi.unstubAllGlobals();
});

const failing = () => jsonResponse(500, { success: false, message: 'down', error: { code: 'INTERNAL' } });

describe('prefetchAgentTab', () => {
  it('starts what the tab needs and nothing the agent page already holds', () => {
    const calls = stubFetch(failing);
    prefetchAgentTab(7, 'review');
    prefetchAgentTab(7, 'edit');
    expect(calls.map((c) => c.url.pathname)).toEqual(['/api/v2/agents/7/staging-diff']);
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
