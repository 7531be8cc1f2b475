import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { authQueries, ME_RETRY_MS } from './queries';

describe('authQueries.me', () => {
  it('asks again for a profile that could not be read, and stops once it is read', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const options = authQueries.me();
    const interval = options.refetchInterval as (query: unknown) => number | false;
    const query = () => client.getQueryCache().find({ queryKey: options.queryKey });

    await client.prefetchQuery({ ...options, queryFn: () => Promise.reject(new Error('out of reach')) });
    expect(interval(query())).toBe(ME_RETRY_MS);

    client.setQueryData(options.queryKey, { id: 1 } as never);
    expect(interval(query())).toBe(false);
  });
});
