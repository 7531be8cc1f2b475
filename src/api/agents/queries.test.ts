// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { QueryObserver } from '@tanstack/react-query';
import { setSession } from '../session';
import { jsonResponse, testQueryClient } from '@/test/render-with-router';
import { agentQueries, refreshAgentQueries } from './queries';

afterEach(() => {
  vi.unstubAllGlobals();
  setSession(null);
});

const diffAnswer = (fingerprint: string) =>
  jsonResponse(200, {
    success: true,
    data: {
      agent_id: 7,
      staging_fingerprint: fingerprint,
      live_change_track_id: 3,
      has_changes: true,
      sections: [],
    },
  });

/** fetch answered by hand: each call waits until the test answers it. */
function heldFetch() {
  const pending: ((res: Response) => void)[] = [];
  vi.stubGlobal('fetch', () => new Promise<Response>((resolve) => pending.push(resolve)));
  return pending;
}

describe('refreshAgentQueries', () => {
  it('cancels a fetch nobody watches, so its answer from before the change is never taken for fresh', async () => {
    setSession({ ejentoToken: 'platform-1', authToken: 'auth-1' });
    const queryClient = testQueryClient();
    const pending = heldFetch();
    const diff = agentQueries.stagingDiff(7);
    // A warm-up fetch (no screen watches it) is on its way when an edit is saved.
    const warmUp = queryClient.query(diff).catch((error: unknown) => error);
    await vi.waitFor(() => expect(pending).toHaveLength(1));
    await refreshAgentQueries(queryClient, 7);
    pending[0]?.(diffAnswer('before the edit'));
    await warmUp;
    expect(queryClient.getQueryData(diff.queryKey)).toBeUndefined();

    // The next read fetches what staging holds now.
    const next = queryClient.query(diff);
    await vi.waitFor(() => expect(pending).toHaveLength(2));
    pending[1]?.(diffAnswer('after the edit'));
    expect((await next).fingerprint).toBe('after the edit');
  });

  it('refetches what a screen shows, and leaves its data on screen meanwhile', async () => {
    setSession({ ejentoToken: 'platform-1', authToken: 'auth-1' });
    const queryClient = testQueryClient();
    const pending = heldFetch();
    const diff = agentQueries.stagingDiff(7);
    const observer = new QueryObserver(queryClient, diff);
    const unsubscribe = observer.subscribe(() => undefined);
    await vi.waitFor(() => expect(pending).toHaveLength(1));
    pending[0]?.(diffAnswer('first'));
    await vi.waitFor(() => expect(observer.getCurrentResult().data?.fingerprint).toBe('first'));
    const refreshed = refreshAgentQueries(queryClient, 7);
    await vi.waitFor(() => expect(pending).toHaveLength(2));
    expect(observer.getCurrentResult().data?.fingerprint).toBe('first');
    pending[1]?.(diffAnswer('second'));
    await refreshed;
    expect(observer.getCurrentResult().data?.fingerprint).toBe('second');
    unsubscribe();
  });
});
