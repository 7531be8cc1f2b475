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
/** Sign-ins ended by a sign-out, in any tab (localStorage: family ids and times, never tokens). */
const ENDED_KEY = 'ejento.ended-sign-ins';
/** How long an ended sign-in is remembered: past the refresh token's lifetime (8 h on the sandbox). */
const ENDED_FOR_MS = 24 * 3_600_000;

/** A random id, for a sign-in's family. */
export function newSessionFamily(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function endedSignIns(): Record<string, number> {
  try {
    const parsed = JSON.parse(globalThis.localStorage?.getItem(ENDED_KEY) ?? '{}') as unknown;
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, number>) : {};
  } catch {
    return {};
  }
}

/**
 * Remembers that a sign-in was ended, for the tabs that were not there to hear it: one left for
 * another site, or kept by the browser for Back, comes back signed out, and offers nobody the
 * session (session-share.ts).
 */
export function markSignInEnded(family: string, now = Date.now()): void {
  const kept = Object.entries(endedSignIns()).filter(([, at]) => now - at < ENDED_FOR_MS);
  try {
    globalThis.localStorage?.setItem(ENDED_KEY, JSON.stringify(Object.fromEntries([...kept, [family, now]])));
  } catch {
    // Storage can be unavailable (private mode): the tabs open now were told over the channel.
  }
}

/** Which sign-in a session comes from: its family, or (set before families) its token. */
export const familyOf = (session: Session): string => session.family ?? session.ejentoToken;

export const hasSignInEnded = (session: Session): boolean => endedSignIns()[familyOf(session)] !== undefined;

/** Whether `now` is `before` renewed: the same sign-in, with other tokens. */
export const isRenewalOf = (now: Session | null, before: Session): boolean =>
  now !== null &&
  familyOf(now) === familyOf(before) &&
  (now.ejentoToken !== before.ejentoToken || now.authToken !== before.authToken);

let current: Session | null = withFamily(readStored());
const listeners = new Set<(s: Session | null) => void>();

/** A session stored before sign-ins had families gets one of its own, kept with it. */
function withFamily(session: Session | null): Session | null {
  if (!session || session.family !== undefined) return session;
  const given = { ...session, family: newSessionFamily() };
  try {
    globalThis.sessionStorage?.setItem(STORAGE_KEY, JSON.stringify(given));
  } catch {
    // The family then lives in memory only.
  }
  return given;
}

/** A session as stored or as another tab sent it: two non-empty tokens and maybe a family. */
export function toSession(value: unknown): Session | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const filled = (x: unknown): x is string => typeof x === 'string' && x !== '';
  if (!filled(v.ejentoToken) || !filled(v.authToken)) return null;
  const session: Session = { ejentoToken: v.ejentoToken, authToken: v.authToken };
  if (filled(v.family)) session.family = v.family;
  return session;
}

function readStored(): Session | null {
  try {
    const raw = globalThis.sessionStorage?.getItem(STORAGE_KEY);
    const session = raw ? toSession(JSON.parse(raw)) : null;
    return session && !hasSignInEnded(session) ? session : null;
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
 * signed out, someone else signed in, or another tab ended the sign-in. Unknown (no storage to
 * ask) counts as current.
 */
export function isSessionCurrent(): boolean {
  if (!globalThis.sessionStorage) return true;
  const stored = readStored();
  return stored?.ejentoToken === current?.ejentoToken && stored?.authToken === current?.authToken;
}

/** The person signed out on this tab: it takes no other tab's session until it signs in again. */
const SIGNED_OUT_HERE_KEY = 'ejento.signed-out-here';

export function markSignedOutHere(): void {
  try {
    globalThis.sessionStorage?.setItem(SIGNED_OUT_HERE_KEY, '1');
  } catch {
    // Without storage the tab may later take another tab's session; nothing else is lost.
  }
}

export function signedOutHere(): boolean {
  try {
    return globalThis.sessionStorage?.getItem(SIGNED_OUT_HERE_KEY) === '1';
  } catch {
    return false;
  }
}

export function setSession(next: Session | null): void {
  current = next;
  // Reads the page started with the previous session's token are not this session's.
  dropEarlyReads();
  try {
    if (next) {
      globalThis.sessionStorage?.setItem(STORAGE_KEY, JSON.stringify(next));
      globalThis.sessionStorage?.removeItem(SIGNED_OUT_HERE_KEY);
    } else globalThis.sessionStorage?.removeItem(STORAGE_KEY);
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
