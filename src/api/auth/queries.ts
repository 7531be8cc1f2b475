import { queryOptions } from '@tanstack/react-query';
import { authKeys } from '../keys';
import { fetchHealth, fetchMe } from './fetchers';

/** How often a profile that could not be read is asked for again. */
export const ME_RETRY_MS = 15_000;

export const authQueries = {
  me: () =>
    queryOptions({
      queryKey: authKeys.me,
      queryFn: ({ signal }) => fetchMe(signal),
      staleTime: 5 * 60_000,
      // A profile that could not be read (the server out of reach for a moment) is asked for
      // again until it is, so the header's account menu mends itself without a reload.
      refetchInterval: (query) => (query.state.status === 'error' ? ME_RETRY_MS : false),
    }),
  /** Only used to tell the sandbox apart; a failure just means "don't know". */
  health: () =>
    queryOptions({
      queryKey: authKeys.health,
      queryFn: ({ signal }) => fetchHealth(signal),
      staleTime: Infinity,
      retry: false,
      refetchOnWindowFocus: false,
    }),
};
