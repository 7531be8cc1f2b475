// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  getSession,
  isSessionCurrent,
  markSignInEnded,
  newSessionFamily,
  setSession,
  type Session,
} from './session';
import {
  adoptSessionFromOtherTab,
  announceSignOut,
  inRefreshTurn,
  renewalFromOtherTab,
  onSignedOutElsewhere,
  startSessionSharing,
  stopSessionSharing,
  HOLDER_LOCK,
  REFRESH_LOCK,
  type SessionChannel,
  type SessionLocks,
} from './session-share';

/**
 * Two ends of one channel: this page's (given to the module) and the other tab's (the test's).
 * Messages arrive in a later task, as a BroadcastChannel's do, and never at the end that sent them.
 */
function channelPair() {
  type Listener = (event: MessageEvent) => void;
  const ends = [new Set<Listener>(), new Set<Listener>()] as const;
  const end = (mine: 0 | 1): SessionChannel => ({
    postMessage: (data) => {
      const data2 = structuredClone(data);
      setTimeout(() => ends[1 - mine]!.forEach((l) => l(new MessageEvent('message', { data: data2 }))), 0);
    },
    addEventListener: (_type, listener) => ends[mine].add(listener),
    removeEventListener: (_type, listener) => ends[mine].delete(listener),
    close: () => ends[mine].clear(),
  });
  const other = end(1);
  const received: unknown[] = [];
  other.addEventListener('message', (event) => received.push(event.data));
  return { page: end(0), other, received };
}

const admin: Session = { ejentoToken: 'platform-a', authToken: 'auth-a', family: 'fam-a' };
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 5));

/** Every test starts signed out, with nothing stored, and a channel to another tab. */
function freshTab() {
  setSession(null);
  localStorage.clear();
  sessionStorage.clear();
  return channelPair();
}

describe('sharing the session between tabs', () => {
  let pair: ReturnType<typeof channelPair>;
  beforeEach(() => {
    pair = freshTab();
    startSessionSharing(() => pair.page);
  });
  afterEach(() => {
    stopSessionSharing();
    onSignedOutElsewhere(null);
    setSession(null);
    vi.useRealTimers();
  });

  it('a tab opened without a session takes the one another tab offers, and keeps it for a reload', async () => {
    pair.other.addEventListener('message', (event) => {
      const ask = event.data as { type: string; id: string };
      if (ask.type === 'ask') pair.other.postMessage({ type: 'offer', id: ask.id, session: admin });
    });
    await expect(adoptSessionFromOtherTab()).resolves.toBe(true);
    expect(getSession()).toEqual(admin);
    expect(JSON.parse(sessionStorage.getItem('ejento.session') ?? 'null')).toEqual(admin);
  });

  it('signs in as usual when no other tab answers in time', async () => {
    vi.useFakeTimers();
    const adopted = adoptSessionFromOtherTab(250);
    await vi.advanceTimersByTimeAsync(249);
    expect(getSession()).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    await expect(adopted).resolves.toBe(false);
    expect(pair.received).toHaveLength(1);
    expect(pair.received[0]).toMatchObject({ type: 'ask' });
    // An offer that comes too late is not taken.
    const { id } = pair.received[0] as { id: string };
    pair.other.postMessage({ type: 'offer', id, session: admin });
    await vi.advanceTimersByTimeAsync(10);
    expect(getSession()).toBeNull();
  });

  it('answers another tab that asks, only while it has a session', async () => {
    pair.other.postMessage({ type: 'ask', id: 'q1' });
    await nextTask();
    expect(pair.received).toEqual([]);
    setSession(admin);
    pair.other.postMessage({ type: 'ask', id: 'q2' });
    await nextTask();
    expect(pair.received).toEqual([{ type: 'offer', id: 'q2', session: admin }]);
  });

  it('a sign-in on this tab while it waited wins over an offer', async () => {
    pair.other.addEventListener('message', (event) => {
      const ask = event.data as { type: string; id: string };
      if (ask.type !== 'ask') return;
      setSession({ ejentoToken: 'platform-v', authToken: 'auth-v', family: 'fam-v' });
      pair.other.postMessage({ type: 'offer', id: ask.id, session: admin });
    });
    await expect(adoptSessionFromOtherTab()).resolves.toBe(true);
    expect(getSession()?.family).toBe('fam-v');
  });

  it('ignores offers that are not a session', async () => {
    pair.other.addEventListener('message', (event) => {
      const ask = event.data as { type: string; id: string };
      if (ask.type !== 'ask') return;
      pair.other.postMessage({ type: 'offer', id: ask.id, session: { ejentoToken: 42 } });
      pair.other.postMessage('offer');
      pair.other.postMessage(null);
    });
    await expect(adoptSessionFromOtherTab(50)).resolves.toBe(false);
    expect(getSession()).toBeNull();
  });

  it('a sign-out in another tab ends this tab’s session when it is the same sign-in, and says so', async () => {
    const elsewhere = vi.fn();
    onSignedOutElsewhere(elsewhere);
    setSession(admin);
    pair.other.postMessage({ type: 'signed-out', family: 'fam-someone-else' });
    await nextTask();
    expect(getSession()).toEqual(admin);
    expect(elsewhere).not.toHaveBeenCalled();
    pair.other.postMessage({ type: 'signed-out', family: 'fam-a' });
    await nextTask();
    expect(getSession()).toBeNull();
    expect(elsewhere).toHaveBeenCalledOnce();
  });

  it('a session set before families (tokens only) is matched by its token', async () => {
    setSession({ ejentoToken: 'platform-old', authToken: 'auth-old' });
    pair.other.postMessage({ type: 'signed-out', family: 'platform-old' });
    await nextTask();
    expect(getSession()).toBeNull();
  });

  it('signing out tells the other tabs which sign-in ended; nothing when there was no session', async () => {
    announceSignOut(null);
    announceSignOut(admin);
    await nextTask();
    expect(pair.received).toEqual([{ type: 'signed-out', family: 'fam-a' }]);
  });

  it('gives every sign-in a family of its own', () => {
    const families = new Set(Array.from({ length: 50 }, () => newSessionFamily()));
    expect(families.size).toBe(50);
    for (const family of families) expect(family).toMatch(/^[0-9a-f]{32}$/);
  });

  it('without a channel each tab keeps its own session', async () => {
    stopSessionSharing();
    startSessionSharing(() => null);
    await expect(adoptSessionFromOtherTab()).resolves.toBe(false);
    announceSignOut(admin);
    await nextTask();
    expect(pair.received).toEqual([]);
  });

  it('a sign-out is remembered for the tabs that did not hear it: the tab kept for Back is no longer current', () => {
    setSession(admin);
    expect(isSessionCurrent()).toBe(true);
    markSignInEnded('fam-a');
    expect(isSessionCurrent()).toBe(false);
  });

  it('never takes a sign-in that has ended, even when a tab still offers it', async () => {
    markSignInEnded('fam-a');
    pair.other.addEventListener('message', (event) => {
      const ask = event.data as { type: string; id: string };
      if (ask.type === 'ask') pair.other.postMessage({ type: 'offer', id: ask.id, session: admin });
    });
    await expect(adoptSessionFromOtherTab(50)).resolves.toBe(false);
    expect(getSession()).toBeNull();
  });

  it('a tab whose person signed out there asks nobody until they sign in again', async () => {
    setSession(admin);
    announceSignOut(getSession());
    setSession(null);
    await expect(adoptSessionFromOtherTab(50)).resolves.toBe(false);
    await nextTask();
    expect(pair.received).toEqual([{ type: 'signed-out', family: 'fam-a' }]);
    // Signed in again, then out by another tab: this tab may take a session again.
    setSession({ ejentoToken: 'platform-b', authToken: 'auth-b', family: 'fam-b' });
    setSession(null);
    void adoptSessionFromOtherTab(20);
    await nextTask();
    expect(pair.received.at(-1)).toMatchObject({ type: 'ask' });
  });

  it('asks only when some tab holds a session (Web Locks), and holds the lock itself while signed in', async () => {
    stopSessionSharing();
    const held: string[] = [];
    const locks: SessionLocks = {
      request: (name, _options, callback) => {
        held.push(name);
        return callback().finally(() => void held.splice(held.indexOf(name), 1));
      },
      query: () => Promise.resolve({ held: held.map((name) => ({ name })) }),
    };
    startSessionSharing(() => pair.page, locks);
    // Nobody holds it: the tab goes to sign-in at once, without asking.
    await expect(adoptSessionFromOtherTab(10_000)).resolves.toBe(false);
    expect(pair.received).toEqual([]);
    setSession(admin);
    expect(held).toEqual([HOLDER_LOCK]);
    setSession(null);
    await nextTask();
    expect(held).toEqual([]);
  });

  it('stopping settles a tab still waiting for an answer: it goes on without one', async () => {
    const adopted = adoptSessionFromOtherTab(10_000);
    await nextTask();
    stopSessionSharing();
    await expect(adopted).resolves.toBe(false);
  });

  it('takes no session when tabs of two sign-ins answer: which person the link was for is not known', async () => {
    const viewer: Session = { ejentoToken: 'platform-v', authToken: 'auth-v', family: 'fam-v' };
    pair.other.addEventListener('message', (event) => {
      const ask = event.data as { type: string; id: string };
      if (ask.type !== 'ask') return;
      pair.other.postMessage({ type: 'offer', id: ask.id, session: admin });
      pair.other.postMessage({ type: 'offer', id: ask.id, session: viewer });
    });
    await expect(adoptSessionFromOtherTab()).resolves.toBe(false);
    expect(getSession()).toBeNull();
  });

  it('takes the session when several tabs of one sign-in answer', async () => {
    pair.other.addEventListener('message', (event) => {
      const ask = event.data as { type: string; id: string };
      if (ask.type !== 'ask') return;
      pair.other.postMessage({ type: 'offer', id: ask.id, session: admin });
      pair.other.postMessage({
        type: 'offer',
        id: ask.id,
        session: { ...admin, ejentoToken: 'platform-a2' },
      });
    });
    await expect(adoptSessionFromOtherTab()).resolves.toBe(true);
    expect(getSession()?.family).toBe('fam-a');
  });
});

describe('renewed tokens, between the tabs of one sign-in', () => {
  let pair: ReturnType<typeof channelPair>;
  beforeEach(() => {
    pair = freshTab();
  });
  afterEach(() => {
    stopSessionSharing();
    setSession(null);
  });

  const renewedAdmin: Session = { ejentoToken: 'platform-a2', authToken: 'auth-a2', family: 'fam-a' };

  it('a refresh here hands the new tokens to the other tabs; a new sign-in or a sign-out does not', async () => {
    startSessionSharing(() => pair.page);
    setSession(admin);
    setSession(renewedAdmin);
    setSession({ ejentoToken: 'platform-b', authToken: 'auth-b', family: 'fam-b' });
    setSession(null);
    await nextTask();
    expect(pair.received).toEqual([{ type: 'renewed', session: renewedAdmin }]);
  });

  it('takes another tab’s renewal of its own sign-in, without announcing it back; never another sign-in’s', async () => {
    startSessionSharing(() => pair.page);
    setSession(admin);
    pair.other.postMessage({ type: 'renewed', session: renewedAdmin });
    await nextTask();
    expect(getSession()).toEqual(renewedAdmin);
    pair.other.postMessage({
      type: 'renewed',
      session: { ejentoToken: 'platform-b', authToken: 'auth-b', family: 'fam-b' },
    });
    await nextTask();
    expect(getSession()).toEqual(renewedAdmin);
    expect(pair.received).toEqual([]);
  });

  it('does not take a renewal of a sign-in that has ended, nor one when signed out', async () => {
    startSessionSharing(() => pair.page);
    pair.other.postMessage({ type: 'renewed', session: renewedAdmin });
    await nextTask();
    expect(getSession()).toBeNull();
    setSession(admin);
    markSignInEnded('fam-a');
    pair.other.postMessage({ type: 'renewed', session: renewedAdmin });
    await nextTask();
    expect(getSession()).toEqual(admin);
  });

  it('waits a moment, after a refused refresh, for another tab’s renewal still on its way', async () => {
    startSessionSharing(() => pair.page);
    setSession(admin);
    const waiting = renewalFromOtherTab(admin, 1_000);
    // The other tab renewed first; its message arrives after this tab's refusal.
    pair.other.postMessage({ type: 'renewed', session: renewedAdmin });
    await expect(waiting).resolves.toBe(true);
    expect(getSession()).toEqual(renewedAdmin);
  });

  it('gives up on a renewal that does not come, or when the tab is signed out meanwhile', async () => {
    startSessionSharing(() => pair.page);
    setSession(admin);
    await expect(renewalFromOtherTab(admin, 20)).resolves.toBe(false);
    const waiting = renewalFromOtherTab(admin, 10_000);
    setSession(null);
    await expect(waiting).resolves.toBe(false);
    stopSessionSharing();
    setSession(admin);
    await expect(renewalFromOtherTab(admin, 10_000)).resolves.toBe(false);
  });

  it('runs refreshes one at a time under an exclusive lock, and without one when there are no Web Locks', async () => {
    const queue: Promise<unknown>[] = [];
    const taken: string[] = [];
    const locks: SessionLocks = {
      request: (name, options, callback) => {
        taken.push(`${name}:${options.mode}`);
        const run = Promise.all(queue).then(callback);
        if (options.mode === 'exclusive') queue.push(run.catch(() => undefined));
        return run;
      },
      query: () => Promise.resolve({ held: [] }),
    };
    startSessionSharing(() => pair.page, locks);
    const order: string[] = [];
    let release: () => void = () => undefined;
    const first = inRefreshTurn(
      () =>
        new Promise<string>((resolve) => {
          order.push('first starts');
          release = () => resolve('first');
        }),
    );
    const second = inRefreshTurn(() => {
      order.push('second starts');
      return Promise.resolve('second');
    });
    await nextTask();
    expect(order).toEqual(['first starts']);
    release();
    await expect(first).resolves.toBe('first');
    await expect(second).resolves.toBe('second');
    expect(order).toEqual(['first starts', 'second starts']);
    expect(taken).toEqual([`${REFRESH_LOCK}:exclusive`, `${REFRESH_LOCK}:exclusive`]);

    stopSessionSharing();
    await expect(inRefreshTurn(() => Promise.resolve('alone'))).resolves.toBe('alone');
  });
});
