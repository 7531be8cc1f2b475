import { afterEach, describe, expect, it, vi } from 'vitest';
import { QueryObserver } from '@tanstack/react-query';
import { agentKeys } from '@/api/keys';
import { ApiError } from '@/api/api-error';
import { showToast } from '@/components/toasts';
import { queryClient } from './query-client';

vi.mock('@/components/toasts', () => ({ showToast: vi.fn() }));

afterEach(() => {
  queryClient.clear();
  vi.mocked(showToast).mockClear();
});

const down = () => Promise.reject(new ApiError({ status: 400, code: 'HTTP_ERROR', message: 'Refused.' }));

describe('a refresh that fails while good data is cached', () => {
  it('gets a toast when a screen shows that data', async () => {
    queryClient.setQueryData(['shown'], 'good');
    const observer = new QueryObserver(queryClient, {
      queryKey: ['shown'],
      queryFn: down,
      staleTime: Infinity,
    });
    const unsubscribe = observer.subscribe(() => undefined);
    await observer.refetch();
    expect(showToast).toHaveBeenCalledTimes(1);
    expect(vi.mocked(showToast).mock.calls[0]?.[0].title).toBe('Could not refresh');
    unsubscribe();
  });

  it('gets one toast for several queries failing alike, and none for something gone (the screen says so)', async () => {
    const gone = () =>
      Promise.reject(new ApiError({ status: 404, code: 'NOT_FOUND', message: 'No agent with id 14' }));
    const shown = (key: string, queryFn: () => Promise<never>) => {
      queryClient.setQueryData([key], 'good');
      const observer = new QueryObserver(queryClient, { queryKey: [key], queryFn, staleTime: Infinity });
      return { observer, unsubscribe: observer.subscribe(() => undefined) };
    };
    const screen = [shown('staging', down), shown('production', down), shown('permissions', gone)];
    await Promise.all(screen.map(({ observer }) => observer.refetch()));
    const ids = vi.mocked(showToast).mock.calls.map(([toast]) => toast.id);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(1);
    expect(
      vi.mocked(showToast).mock.calls.every(([toast]) => !String(toast.message).includes('No agent')),
    ).toBe(true);
    screen.forEach(({ unsubscribe }) => unsubscribe());
  });

  it('gets none when no screen shows it (data fetched ahead of a click)', async () => {
    queryClient.setQueryData(['ahead'], 'good');
    await queryClient.query({ queryKey: ['ahead'], queryFn: down, staleTime: 0 }).catch(() => undefined);
    expect(queryClient.getQueryState(['ahead'])?.status).toBe('error');
    expect(showToast).not.toHaveBeenCalled();
  });
});

/** A publish the server refuses as not allowed, run through the app's client. */
function refusedPublish() {
  const refused = new ApiError({
    status: 403,
    code: 'FORBIDDEN',
    message: 'Your role cannot publish agents',
  });
  const mutation = queryClient
    .getMutationCache()
    .build(queryClient, { mutationFn: () => Promise.reject(refused) });
  return { refused, publish: () => mutation.execute(undefined) };
}

describe('a change refused as not allowed', () => {
  it('has the permissions read again, so the screen stops offering it', async () => {
    queryClient.setQueryData(agentKeys.permissions(4), ['view', 'publish']);
    const { refused, publish } = refusedPublish();
    await expect(publish()).rejects.toBe(refused);
    await vi.waitFor(() =>
      expect(queryClient.getQueryState(agentKeys.permissions(4))?.isInvalidated).toBe(true),
    );
  });

  it('does not hold the refused change back while the permissions are read again', async () => {
    queryClient.setQueryData(agentKeys.permissions(4), ['view', 'publish']);
    // A screen shows the permissions, and reading them again takes its time.
    const shown = new QueryObserver(queryClient, {
      queryKey: agentKeys.permissions(4),
      queryFn: () => new Promise<string[]>(() => undefined),
      staleTime: Infinity,
    });
    const unsubscribe = shown.subscribe(() => undefined);
    const { refused, publish } = refusedPublish();
    await expect(publish()).rejects.toBe(refused);
    expect(queryClient.getQueryState(agentKeys.permissions(4))?.fetchStatus).toBe('fetching');
    unsubscribe();
  });
});
