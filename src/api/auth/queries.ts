import { queryOptions } from '@tanstack/react-query';
import { authKeys } from '../keys';
import { fetchHealth, fetchMe } from './fetchers';

export const authQueries = {
  me: () =>
    queryOptions({
      queryKey: authKeys.me,
      queryFn: ({ signal }) => fetchMe(signal),
      staleTime: 5 * 60_000,
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
