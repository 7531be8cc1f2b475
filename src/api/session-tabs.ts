import { asSession, getSession, subscribeSession, type Session } from './session';

/**
 * The session across this browser's tabs of the console. Each tab keeps its own (sessionStorage),
 * so a link opened in a new tab would ask its reader to sign in again; instead a tab that starts
 * without a session asks the open tabs, and one that has a session hands it over. Signing out
 * tells the other tabs, and those holding the same sign-in (its id) sign out too; a tab where
 * someone else signed in is left alone. Same origin only (BroadcastChannel); nothing leaves the
 * browser.
 */

type Message =
  | { type: 'ask'; nonce: string }
  | { type: 'answer'; nonce: string; session: Session }
  | { type: 'signed-out'; id: string };

const CHANNEL = 'ejento.session';
/**
 * Set (in localStorage, shared by the tabs) once a tab holds a session: without it no tab can
 * answer, and a new tab goes to sign-in at once instead of waiting. Closing the tabs leaves it
 * set; the next tab that asks in vain clears it.
 */
const SIGNED_IN_HINT = 'ejento.signed-in-tabs';
/**
 * How long a new tab waits for an answer before it asks its reader to sign in: an open tab
 * answers in milliseconds, unless its page is busy (rendering, on a loaded machine).
 */
export const ASK_FOR_MS = 1_500;

let channel: BroadcastChannel | null | undefined;
let signedOutElsewhere: (() => void) | null = null;
const waiting = new Map<string, (session: Session) => void>();

function open(): BroadcastChannel | null {
  if (channel !== undefined) return channel;
  channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;
  if (channel) channel.onmessage = (event: MessageEvent<unknown>) => receive(event.data);
  return channel;
}

function receive(data: unknown): void {
  if (typeof data !== 'object' || data === null) return;
  const message = data as Partial<Message> & Record<string, unknown>;
  if (message.type === 'ask' && typeof message.nonce === 'string') {
    const session = getSession();
    if (session) post({ type: 'answer', nonce: message.nonce, session });
  } else if (message.type === 'answer' && typeof message.nonce === 'string') {
    const session = asSession(message.session);
    const resolve = waiting.get(message.nonce);
    if (session && resolve) resolve(session);
  } else if (message.type === 'signed-out' && typeof message.id === 'string') {
    if (getSession()?.id === message.id) signedOutElsewhere?.();
  }
}

function post(message: Message): void {
  try {
    open()?.postMessage(message);
  } catch {
    // A closed channel (the page is being unloaded): nothing to tell.
  }
}

/**
 * Listens to the other tabs from now on: answers their asking with this tab's session, and calls
 * `onSignedOutElsewhere` when this tab's sign-in is ended in another tab.
 */
export function shareSessionWithTabs(onSignedOutElsewhere: () => void): void {
  signedOutElsewhere = onSignedOutElsewhere;
  open();
  if (getSession()) hint(true);
  subscribeSession((session) => {
    if (session) hint(true);
  });
}

function hint(set: boolean): void {
  try {
    if (set) globalThis.localStorage?.setItem(SIGNED_IN_HINT, '1');
    else globalThis.localStorage?.removeItem(SIGNED_IN_HINT);
  } catch {
    // No storage: a new tab asks anyway, and waits.
  }
}

function hinted(): boolean {
  try {
    return !globalThis.localStorage || globalThis.localStorage.getItem(SIGNED_IN_HINT) !== null;
  } catch {
    return true;
  }
}

/** The session of another open tab, if one answers within `waitMs`; null otherwise. */
export function sessionFromOtherTabs(waitMs = ASK_FOR_MS): Promise<Session | null> {
  if (!hinted() || !open()) return Promise.resolve(null);
  const nonce = globalThis.crypto?.randomUUID?.() ?? String(Math.random());
  return new Promise((resolve) => {
    const done = (session: Session | null) => {
      waiting.delete(nonce);
      clearTimeout(timer);
      resolve(session);
    };
    const timer = setTimeout(() => {
      hint(false);
      done(null);
    }, waitMs);
    waiting.set(nonce, done);
    post({ type: 'ask', nonce });
  });
}

/** Tells the other tabs that this sign-in has ended (a session without an id is this tab's alone). */
export function announceSignOut(session: Session | null): void {
  if (session?.id) post({ type: 'signed-out', id: session.id });
}
