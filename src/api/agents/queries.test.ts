// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { QueryObserver } from '@tanstack/react-query';
import { setSession } from '../session';
import { jsonResponse, testQueryClient } from '@/test/render-with-router';
import { ApiError } from '../api-error';
import { agentKeys } from '../keys';
import { agentQueries, refreshAgentQueries, refreshPermissionsAfterRefusal } from './queries';

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

describe('refreshPermissionsAfterRefusal', () => {
  const refusal = (status: number) =>
    new ApiError({ status, code: 'FORBIDDEN', message: 'Your role cannot publish agents' });

  it('marks every agent’s permissions out of date after a 403, and nothing else', async () => {
    const queryClient = testQueryClient();
    queryClient.setQueryData(agentKeys.permissions(7), ['view', 'publish']);
    queryClient.setQueryData(agentKeys.permissions(8), ['view', 'publish']);
    queryClient.setQueryData(agentKeys.detail(7), { name: 'Care Finder' });
    queryClient.setQueryData(agentKeys.lists(), []);
    await refreshPermissionsAfterRefusal(queryClient, refusal(403));
    const invalidated = (key: readonly unknown[]) => queryClient.getQueryState(key)?.isInvalidated;
    expect(invalidated(agentKeys.permissions(7))).toBe(true);
    expect(invalidated(agentKeys.permissions(8))).toBe(true);
    expect(invalidated(agentKeys.detail(7))).toBe(false);
    expect(invalidated(agentKeys.lists())).toBe(false);
  });

  it('leaves them alone after any other failure', async () => {
    const queryClient = testQueryClient();
    queryClient.setQueryData(agentKeys.permissions(7), ['view', 'publish']);
    for (const error of [refusal(409), refusal(412), refusal(500), new Error('offline')]) {
      await refreshPermissionsAfterRefusal(queryClient, error);
    }
    expect(queryClient.getQueryState(agentKeys.permissions(7))?.isInvalidated).toBe(false);
  });
});
