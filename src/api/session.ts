import { tokenPairSchema, type TokenPair } from '@contract';
import { dropEarlyReads } from './early-reads';

/**
 * Tokens live in memory and in sessionStorage (so a reload keeps the session, a closed tab
 * does not), never in URLs, cookies or logs. A tab opened while another is signed in is handed
 * that tab's session (session-tabs.ts).
 */
export interface Session {
  ejentoToken: string;
  authToken: string;
  /**
   * Which sign-in this is: kept through token refreshes and shared with the tabs the session is
   * handed to, so signing out ends it in all of them, and only there.
   */
  id?: string;
}

const STORAGE_KEY = 'ejento.session';
let current: Session | null = readStored();
const listeners = new Set<(s: Session | null) => void>();

function readStored(): Session | null {
  try {
    const raw = globalThis.sessionStorage?.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<Session>;
    return asSession(parsed);
  } catch {
    return null;
  }
}

/** A session read from storage or another tab: its tokens, and its id if it has one. */
export function asSession(value: unknown): Session | null {
  if (typeof value !== 'object' || value === null) return null;
  const { ejentoToken, authToken, id } = value as Partial<Record<keyof Session, unknown>>;
  if (typeof ejentoToken !== 'string' || typeof authToken !== 'string' || !ejentoToken || !authToken)
    return null;
  return typeof id === 'string' ? { ejentoToken, authToken, id } : { ejentoToken, authToken };
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

/** The session of a new sign-in. */
export function sessionFromTokens(pair: TokenPair): Session {
  return { ejentoToken: pair.ejento_access_token, authToken: pair.access_token, id: newSessionId() };
}

/** The same sign-in with renewed tokens: it keeps its id. */
export function renewedSession(session: Session, pair: TokenPair): Session {
  const tokens = { ejentoToken: pair.ejento_access_token, authToken: pair.access_token };
  return session.id ? { ...tokens, id: session.id } : tokens;
}

function newSessionId(): string {
  return (
    globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`
  );
}

export function subscribeSession(listener: (s: Session | null) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export { tokenPairSchema };
