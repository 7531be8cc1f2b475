import type { QueryClient } from '@tanstack/react-query';
import { isSessionCurrent } from '@/api/session';

/**
 * A page that Back or Forward brings out of the browser's back/forward cache shows what it
 * showed when it was left. If the tab has signed out since, or someone else has signed in, the
 * page loads again: its screens would otherwise offer the previous user's actions (a Publish
 * button to a viewer). If the session is the same, the page's data is refreshed, since it may
 * have changed in the meantime.
 */
export function refreshRestoredPages(
  target: Pick<Window, 'addEventListener'>,
  queryClient: Pick<QueryClient, 'invalidateQueries'>,
  reload: () => void,
): void {
  target.addEventListener('pageshow', (event) => {
    if (!event.persisted) return;
    if (!isSessionCurrent()) reload();
    else void queryClient.invalidateQueries();
  });
}
