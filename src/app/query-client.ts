import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { showToast } from '@/components/toasts';
import { errorMessage, isApiError } from '@/api/api-error';
import { refreshPermissionsAfterRefusal } from '@/api/agents/queries';

/**
 * One client for the app; tests make their own. A failed first load goes to the route's error
 * boundary; a background refresh that fails while good data is on screen only gets a toast,
 * so the page the user is reading stays put. A change refused as not allowed has the person's
 * permissions read again, so the screen stops offering it.
 */
export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error, query) => {
      if (query.state.data === undefined) return;
      // Data no screen shows (fetched ahead, in a pause): its refresh failing is nobody's news.
      if (query.getObserversCount() === 0) return;
      // An expired session already sends the user to sign in; no toast on top of that. Something
      // gone (an agent someone deleted) is the screen's to say: it shows its not-found page.
      if (isApiError(error) && (error.status === 401 || error.status === 404)) return;
      const message = `${errorMessage(error)} What you see may be out of date.`;
      showToast({
        // One toast per message: several queries of one screen failing alike say it once.
        id: `refresh-failed-${message}`,
        color: 'yellow',
        title: 'Could not refresh',
        message,
      });
    },
  }),
  mutationCache: new MutationCache({
    // Not awaited: the cache's onError holds the mutation's own outcome back until it settles,
    // and the refused button would spin, its error unsaid, until the permissions were read.
    onError: (error) => {
      void refreshPermissionsAfterRefusal(queryClient, error);
    },
  }),
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
