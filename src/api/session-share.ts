import {
  familyOf,
  getSession,
  hasSignInEnded,
  isRenewalOf,
  markSignedOutHere,
  markSignInEnded,
  newSessionFamily,
  setSession,
  signedOutHere,
  subscribeSession,
  toSession,
  type Session,
} from './session';

/**
 * The session is the tab's (sessionStorage), so a link opened in a new tab would ask to sign in
 * again while the console is open, signed in, in the tab beside it. Tabs of the console therefore
 * share it over a BroadcastChannel (same origin only; nothing is written to disk):
 *
 * - a tab that opens without a session asks the others, and takes the session offered (none when
 *   tabs of two different sign-ins answer);
 * - signing out ends the session in every tab that shares it (the same sign-in, whatever tokens a
 *   refresh has given each tab since), so a tab signed out is never signed in again by another.
 *   The sign-in is also marked ended in localStorage (its family id only), for the tabs that
 *   were not there to hear it (session.ts).
 *
 * - a refresh in one tab hands its new tokens to the tabs of the same sign-in, so none goes on
 *   with tokens a tenant may have ended by renewing them; refreshes take turns (an exclusive Web
 *   Lock), and a tab whose tokens were renewed while it waited uses those instead of renewing again.
 *
 * Every tab holding a session holds a shared Web Lock too: a tab that opens without one asks, and
 * waits for an answer, only when some tab holds it. With every tab closed, the next one asks to
 * sign in at once, as before. A tab whose person signed out there asks nobody until they sign in.
 *
 * The channel reaches every page of the origin: any script running on it could ask for the
 * session, as it could read the tab's own storage. The origin serves the console alone.
 */

export const SESSION_CHANNEL = 'ejento.session';
/** Held (shared) by every tab that has a session. */
export const HOLDER_LOCK = 'ejento.session-holder';
/** Held (exclusive) by the tab renewing its session: one refresh at a time, across tabs. */
export const REFRESH_LOCK = 'ejento.session-refresh';
/**
 * How long a tab whose refresh was refused waits for another tab's renewal before it signs out:
 * a lock handed on and a message sent just before are delivered apart, in either order.
 */
export const RENEWAL_GRACE_MS = 250;

/** How long a tab opened without a session waits for another tab's answer. */
export const ASK_TIMEOUT_MS = 250;
/** How long, after the first answer, it waits for the other tabs' (every tab answers at once). */
export const OFFERS_GRACE_MS = 30;

type Message =
  | { type: 'ask'; id: string }
  | { type: 'offer'; id: string; session: Session }
  | { type: 'signed-out'; family: string }
  | { type: 'renewed'; session: Session };

/** What the sharing needs of a BroadcastChannel (tests pass a pair of their own). */
export interface SessionChannel {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  close(): void;
}

/** What the sharing needs of `navigator.locks` (absent outside secure contexts). */
export interface SessionLocks {
  request<T>(name: string, options: { mode: 'shared' | 'exclusive' }, callback: () => Promise<T>): Promise<T>;
  query(): Promise<{ held?: { name?: string }[] }>;
}

let channel: SessionChannel | null = null;
let locks: SessionLocks | null = null;
let unsubscribe: (() => void) | null = null;
let signedOutElsewhere: (() => void) | null = null;
const asks = new Map<string, (session: Session | null) => void>();

const isString = (v: unknown): v is string => typeof v === 'string' && v !== '';

function readMessage(data: unknown): Message | null {
  if (typeof data !== 'object' || data === null) return null;
  const m = data as Record<string, unknown>;
  if (m.type === 'ask' && isString(m.id)) return { type: 'ask', id: m.id };
  if (m.type === 'signed-out' && isString(m.family)) return { type: 'signed-out', family: m.family };
  const renewed = m.type === 'renewed' ? toSession(m.session) : null;
  if (renewed) return { type: 'renewed', session: renewed };
  const session = m.type === 'offer' && isString(m.id) ? toSession(m.session) : null;
  if (session && isString(m.id)) return { type: 'offer', id: m.id, session };
  return null;
}

function onMessage(event: MessageEvent): void {
  const message = readMessage(event.data);
  if (!message) return;
  const mine = getSession();
  if (message.type === 'ask') {
    if (mine && !hasSignInEnded(mine)) {
      channel?.postMessage({ type: 'offer', id: message.id, session: mine } satisfies Message);
    }
  } else if (message.type === 'offer') {
    asks.get(message.id)?.(message.session);
  } else if (message.type === 'renewed') {
    const renewed = message.session;
    if (mine && isRenewalOf(renewed, mine) && !hasSignInEnded(mine)) {
      adopting = true;
      try {
        setSession(renewed);
      } finally {
        adopting = false;
      }
    }
  } else if (mine && familyOf(mine) === message.family) {
    setSession(null);
    signedOutElsewhere?.();
  }
}

/** The session as this module last saw it, to tell a renewal (same sign-in, new tokens) apart. */
let known: Session | null = null;
/** Set while taking another tab's renewal, which is not announced back. */
let adopting = false;

function onSessionChange(session: Session | null): void {
  holdWhileSignedIn(session);
  const before = known;
  known = session;
  if (adopting || !before) return;
  if (session && isRenewalOf(session, before)) {
    channel?.postMessage({ type: 'renewed', session } satisfies Message);
  }
}

let releaseHold: (() => void) | null = null;
let holding = false;

/** Holds the shared lock while the tab has a session, so new tabs know to ask. */
function holdWhileSignedIn(session: Session | null): void {
  if (session && !holding && locks) {
    holding = true;
    locks
      .request(
        HOLDER_LOCK,
        { mode: 'shared' },
        () =>
          new Promise<void>((resolve) => {
            if (holding) releaseHold = resolve;
            else resolve();
          }),
      )
      .catch(() => {
        holding = false;
      });
  } else if (!session && holding) {
    holding = false;
    releaseHold?.();
    releaseHold = null;
  }
}

function browserLocks(): SessionLocks | null {
  const found = (globalThis.navigator as { locks?: SessionLocks } | undefined)?.locks;
  return found ?? null;
}

/**
 * Starts answering other tabs (once per page). Without BroadcastChannel (or with storage blocked)
 * each tab keeps its own session, as before. Without Web Locks (a page not served over https or
 * from localhost) a tab without a session always asks, and waits out the timeout when none answers.
 */
export function startSessionSharing(
  open: () => SessionChannel | null = () =>
    typeof BroadcastChannel === 'function' ? new BroadcastChannel(SESSION_CHANNEL) : null,
  withLocks: SessionLocks | null = browserLocks(),
): () => void {
  if (channel) return stopSessionSharing;
  try {
    channel = open();
  } catch {
    channel = null;
  }
  if (!channel) return stopSessionSharing;
  channel.addEventListener('message', onMessage);
  locks = withLocks;
  known = getSession();
  holdWhileSignedIn(known);
  unsubscribe = subscribeSession(onSessionChange);
  return stopSessionSharing;
}

export function stopSessionSharing(): void {
  channel?.removeEventListener('message', onMessage);
  channel?.close();
  channel = null;
  unsubscribe?.();
  unsubscribe = null;
  holdWhileSignedIn(null);
  locks = null;
  known = null;
  // Whoever waits for an answer gets none: the tab goes on without one.
  for (const done of [...asks.values()]) done(null);
  asks.clear();
}

/** Called when another tab signed out of the session this tab holds (it is already gone). */
export function onSignedOutElsewhere(handler: (() => void) | null): void {
  signedOutElsewhere = handler;
}

/** Whether any tab holds a session; unknown (no Web Locks) counts as yes. */
async function someTabHoldsASession(): Promise<boolean> {
  if (!locks) return true;
  try {
    const { held } = await locks.query();
    return (held ?? []).some((lock) => lock.name === HOLDER_LOCK);
  } catch {
    return true;
  }
}

/**
 * For a tab without a session: asks the other tabs for theirs and, if one answers in time, makes
 * it this tab's. Resolves with whether the tab now has a session. A sign-in that has ended is
 * never taken, nor is any session by a tab whose person signed out there.
 */
export async function adoptSessionFromOtherTab(timeoutMs = ASK_TIMEOUT_MS): Promise<boolean> {
  if (getSession()) return true;
  if (!channel || signedOutHere() || !(await someTabHoldsASession())) return false;
  const open = channel;
  const id = newSessionFamily();
  return new Promise<boolean>((resolve) => {
    // Every tab with a session answers; they answer at once, so a short while after the first
    // offer all are in. Offers of one sign-in are taken; of two (two people signed in, in two
    // tabs), none: which one the link was meant for is not known, and the tab asks to sign in.
    const offers = new Map<string, Session>();
    let grace: ReturnType<typeof setTimeout> | null = null;
    const finish = () => {
      clearTimeout(timer);
      if (grace !== null) clearTimeout(grace);
      asks.delete(id);
      const [only, ...others] = offers.values();
      if (only && others.length === 0 && !getSession()) setSession(only);
      resolve(getSession() !== null);
    };
    const offered = (session: Session | null) => {
      if (!session) return finish();
      if (hasSignInEnded(session)) return;
      offers.set(familyOf(session), session);
      grace ??= setTimeout(finish, OFFERS_GRACE_MS);
    };
    const timer = setTimeout(finish, timeoutMs);
    asks.set(id, offered);
    open.postMessage({ type: 'ask', id } satisfies Message);
  });
}

/**
 * Ends the sign-in in every tab: those open now are told, those not open (or kept for Back) find
 * it ended when they come back; this tab asks nobody for a session until its person signs in.
 */
export function announceSignOut(session: Session | null): void {
  markSignedOutHere();
  if (!session) return;
  markSignInEnded(familyOf(session));
  channel?.postMessage({ type: 'signed-out', family: familyOf(session) } satisfies Message);
}

/**
 * Runs a refresh of the session in turn with the other tabs' (an exclusive Web Lock): a tab that
 * waited finds its tokens renewed by the one before it, and need not renew them again. Without
 * Web Locks, or with sharing not started, it simply runs.
 */
export async function inRefreshTurn<T>(refresh: () => Promise<T>): Promise<T> {
  if (!channel || !locks) return refresh();
  let ran = false;
  try {
    return await locks.request(REFRESH_LOCK, { mode: 'exclusive' }, () => {
      ran = true;
      return refresh();
    });
  } catch (error) {
    // The lock itself failed (not the refresh): renewing without it beats not renewing.
    if (ran) throw error;
    return refresh();
  }
}

/**
 * For a tab whose refresh was refused: whether another tab of the same sign-in renews it within
 * `timeoutMs` (its tokens reach this tab). A tenant that ends the tokens a refresh replaces refuses
 * a tab that renewed a moment after another, whose message may still be on its way. At once false
 * without sharing, or when the tab holds no session of that sign-in any more.
 */
export function renewalFromOtherTab(session: Session, timeoutMs = RENEWAL_GRACE_MS): Promise<boolean> {
  const renewed = (now: Session | null) => isRenewalOf(now, session);
  if (renewed(getSession())) return Promise.resolve(true);
  const current = getSession();
  if (!channel || current === null || familyOf(current) !== familyOf(session)) return Promise.resolve(false);
  return new Promise<boolean>((resolve) => {
    const done = (result: boolean) => {
      clearTimeout(timer);
      stop();
      resolve(result);
    };
    const stop = subscribeSession((now) => {
      if (renewed(now)) done(true);
      else if (now === null || familyOf(now) !== familyOf(session)) done(false);
    });
    const timer = setTimeout(() => done(false), timeoutMs);
  });
}
