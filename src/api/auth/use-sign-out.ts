import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { setSession } from '../session';
import { forgetAgentListView } from '@/lib/agent-list-view';

/**
 * Ends the session: tokens gone from memory and storage, nothing of this user left in the cache.
 * The caller moves the screen (to the sign-in page) and calls this once it has left the pages
 * that read the cache, so they do not flash errors on the way out.
 */
export function useSignOut(): () => void {
  const queryClient = useQueryClient();
  return useCallback(() => {
    setSession(null);
    queryClient.clear();
    forgetAgentListView();
  }, [queryClient]);
}
