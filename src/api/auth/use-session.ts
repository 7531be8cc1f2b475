import { useSyncExternalStore } from 'react';
import { getSession, subscribeSession, type Session } from '../session';

/** The current session, re-rendering when it is set or cleared. */
export function useSession(): Session | null {
  return useSyncExternalStore(subscribeSession, getSession, getSession);
}
