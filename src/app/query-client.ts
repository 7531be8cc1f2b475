import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '@/api/api-error';

/** One client for the app; tests make their own. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      // 4xx answers are final; only network failures and 5xx are worth another try.
      retry: (count, error) => count < 2 && (!isApiError(error) || error.status === 0 || error.status >= 500),
      refetchOnWindowFocus: true,
    },
    mutations: { retry: false },
  },
});
