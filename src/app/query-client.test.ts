import { afterEach, describe, expect, it, vi } from 'vitest';
import { QueryObserver } from '@tanstack/react-query';
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

  it('gets none when no screen shows it (data fetched ahead of a click)', async () => {
    queryClient.setQueryData(['ahead'], 'good');
    await queryClient.query({ queryKey: ['ahead'], queryFn: down, staleTime: 0 }).catch(() => undefined);
    expect(queryClient.getQueryState(['ahead'])?.status).toBe('error');
    expect(showToast).not.toHaveBeenCalled();
  });
});
