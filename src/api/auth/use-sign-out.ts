import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { getSession, setSession } from '../session';
import { announceSignOut } from '../session-share';
import { forgetAgentListView } from '@/lib/agent-list-view';

/**
 * Ends the session: tokens gone from memory and storage, nothing of this user left in the cache,
 * and the other tabs sharing the session signed out too.
 * The caller moves the screen (to the sign-in page) and calls this once it has left the pages
 * that read the cache, so they do not flash errors on the way out.
 */
export function useSignOut(): () => void {
  const queryClient = useQueryClient();
  return useCallback(() => {
    announceSignOut(getSession());
    setSession(null);
    queryClient.clear();
    forgetAgentListView();
  }, [queryClient]);
}
