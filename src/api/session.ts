import { tokenPairSchema, type TokenPair } from '@contract';
import { dropEarlyReads } from './early-reads';

/**
 * Tokens live in memory and in sessionStorage (so a reload keeps the session, a closed tab
 * does not), never in URLs, cookies or logs.
 */
export interface Session {
  ejentoToken: string;
  authToken: string;
  /**
   * Which sign-in the tokens come from: kept through refreshes and by every tab the session is
   * shared with (session-share.ts), so signing out reaches them all.
   */
  family?: string;
}

const STORAGE_KEY = 'ejento.session';
let current: Session | null = readStored();
const listeners = new Set<(s: Session | null) => void>();

function readStored(): Session | null {
  try {
    const raw = globalThis.sessionStorage?.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<Session>;
    if (typeof parsed.ejentoToken !== 'string' || typeof parsed.authToken !== 'string') return null;
    const session: Session = { ejentoToken: parsed.ejentoToken, authToken: parsed.authToken };
    if (typeof parsed.family === 'string') session.family = parsed.family;
    return session;
  } catch {
    return null;
  }
}

export function getSession(): Session | null {
  return current;
}

/**
 * Whether the session this page holds is still the tab's. A page that Back brings out of the
 * browser's back/forward cache comes with its memory as it was left: the tab may since have
 * signed out, and someone else signed in. Unknown (no storage to ask) counts as current.
 */
export function isSessionCurrent(): boolean {
  if (!globalThis.sessionStorage) return true;
  const stored = readStored();
  return stored?.ejentoToken === current?.ejentoToken && stored?.authToken === current?.authToken;
}

export function setSession(next: Session | null): void {
  current = next;
  // Reads the page started with the previous session's token are not this session's.
  dropEarlyReads();
  try {
    if (next) globalThis.sessionStorage?.setItem(STORAGE_KEY, JSON.stringify(next));
    else globalThis.sessionStorage?.removeItem(STORAGE_KEY);
  } catch {
    // Storage can be unavailable (private mode); the in-memory session still works.
  }
  listeners.forEach((l) => l(next));
}

/** The session of a token pair, in `family`: a new one for a sign-in, the session's own for a refresh. */
export function sessionFromTokens(pair: TokenPair, family: string | undefined): Session {
  const session: Session = { ejentoToken: pair.ejento_access_token, authToken: pair.access_token };
  if (family !== undefined) session.family = family;
  return session;
}

export function subscribeSession(listener: (s: Session | null) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export { tokenPairSchema };
