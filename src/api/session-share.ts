import { getSession, setSession, type Session } from './session';

/**
 * The session is the tab's (sessionStorage), so a link opened in a new tab would ask to sign in
 * again while the console is open, signed in, in the tab beside it. Tabs of the console therefore
 * share it over a BroadcastChannel (same origin only; nothing is written to disk):
 *
 * - a tab that opens without a session asks the others, and takes the first session offered;
 * - signing out ends the session in every tab that shares it (the same sign-in, whatever tokens a
 *   refresh has given each tab since), so a tab signed out is never signed in again by another.
 *
 * With every tab closed, nothing is left to share: the next tab asks to sign in, as before.
 */

export const SESSION_CHANNEL = 'ejento.session';

/** How long a tab opened without a session waits for another tab's answer. */
export const ASK_TIMEOUT_MS = 250;

type Message =
  | { type: 'ask'; id: string }
  | { type: 'offer'; id: string; session: Session }
  | { type: 'signed-out'; family: string };

/** What the sharing needs of a BroadcastChannel (tests pass a pair of their own). */
export interface SessionChannel {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  close(): void;
}

let channel: SessionChannel | null = null;
let signedOutElsewhere: (() => void) | null = null;
const asks = new Map<string, (session: Session) => void>();

const isString = (v: unknown): v is string => typeof v === 'string' && v !== '';

function readMessage(data: unknown): Message | null {
  if (typeof data !== 'object' || data === null) return null;
  const m = data as Record<string, unknown>;
  if (m.type === 'ask' && isString(m.id)) return { type: 'ask', id: m.id };
  if (m.type === 'signed-out' && isString(m.family)) return { type: 'signed-out', family: m.family };
  if (m.type === 'offer' && isString(m.id) && typeof m.session === 'object' && m.session !== null) {
    const s = m.session as Record<string, unknown>;
    if (isString(s.ejentoToken) && isString(s.authToken)) {
      const session: Session = { ejentoToken: s.ejentoToken, authToken: s.authToken };
      if (isString(s.family)) session.family = s.family;
      return { type: 'offer', id: m.id, session };
    }
  }
  return null;
}

/** Which sign-in a session comes from: its family, or (set before families) its token. */
export const familyOf = (session: Session): string => session.family ?? session.ejentoToken;

function onMessage(event: MessageEvent): void {
  const message = readMessage(event.data);
  if (!message) return;
  const mine = getSession();
  if (message.type === 'ask') {
    if (mine) channel?.postMessage({ type: 'offer', id: message.id, session: mine } satisfies Message);
  } else if (message.type === 'offer') {
    asks.get(message.id)?.(message.session);
  } else if (mine && familyOf(mine) === message.family) {
    setSession(null);
    signedOutElsewhere?.();
  }
}

/**
 * Starts answering other tabs (once per page). Without BroadcastChannel (or with storage blocked)
 * each tab keeps its own session, as before.
 */
export function startSessionSharing(
  open: () => SessionChannel | null = () =>
    typeof BroadcastChannel === 'function' ? new BroadcastChannel(SESSION_CHANNEL) : null,
): () => void {
  if (channel) return stopSessionSharing;
  try {
    channel = open();
  } catch {
    channel = null;
  }
  channel?.addEventListener('message', onMessage);
  return stopSessionSharing;
}

export function stopSessionSharing(): void {
  channel?.removeEventListener('message', onMessage);
  channel?.close();
  channel = null;
  asks.clear();
}

/** Called when another tab signed out of the session this tab holds (it is already gone). */
export function onSignedOutElsewhere(handler: (() => void) | null): void {
  signedOutElsewhere = handler;
}

const newId = (): string => {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
};

/** A new sign-in's family: what the tabs sharing its session have in common. */
export const newSessionFamily = newId;

/**
 * For a tab without a session: asks the other tabs for theirs and, if one answers in time, makes
 * it this tab's. Resolves with whether the tab now has a session.
 */
export function adoptSessionFromOtherTab(timeoutMs = ASK_TIMEOUT_MS): Promise<boolean> {
  if (getSession()) return Promise.resolve(true);
  const open = channel;
  if (!open) return Promise.resolve(false);
  const id = newId();
  return new Promise<boolean>((resolve) => {
    const done = (session: Session | null) => {
      clearTimeout(timer);
      asks.delete(id);
      // A sign-in on this tab while it waited wins over what another tab offers.
      if (session && !getSession()) setSession(session);
      resolve(getSession() !== null);
    };
    const timer = setTimeout(() => done(null), timeoutMs);
    asks.set(id, done);
    open.postMessage({ type: 'ask', id } satisfies Message);
  });
}

/** Tells the other tabs that this session is over: those holding it sign out too. */
export function announceSignOut(session: Session | null): void {
  if (session) channel?.postMessage({ type: 'signed-out', family: familyOf(session) } satisfies Message);
}
