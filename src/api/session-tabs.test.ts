import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getSession, setSession, type Session } from './session';
import { announceSignOut, sessionFromOtherTabs, shareSessionWithTabs } from './session-tabs';

/** Another tab of the console, as this one sees it: the same channel, its own end. */
let otherTab: BroadcastChannel;
let heard: unknown[];

const nextMessage = () =>
  new Promise<unknown>((resolve) => {
    otherTab.addEventListener('message', (event) => resolve(event.data), { once: true });
  });
const flush = () => new Promise((resolve) => setTimeout(resolve, 20));

const mine: Session = { ejentoToken: 'platform-1', authToken: 'auth-1', id: 'sign-in-1' };

beforeEach(() => {
  otherTab = new BroadcastChannel('ejento.session');
  heard = [];
  otherTab.addEventListener('message', (event) => heard.push(event.data));
});
afterEach(() => {
  otherTab.close();
  setSession(null);
});

describe('sharing the session between tabs', () => {
  it('hands this tab’s session to a tab that asks, and nothing when there is none', async () => {
    shareSessionWithTabs(() => undefined);
    setSession(mine);
    const answer = nextMessage();
    otherTab.postMessage({ type: 'ask', nonce: 'n-1' });
    expect(await answer).toEqual({ type: 'answer', nonce: 'n-1', session: mine });
    heard = [];
    setSession(null);
    otherTab.postMessage({ type: 'ask', nonce: 'n-2' });
    await flush();
    expect(heard).toEqual([]);
  });

  it('takes the first well-formed answer to its own question, and gives up after the wait', async () => {
    otherTab.onmessage = (event: MessageEvent<{ type: string; nonce: string }>) => {
      if (event.data.type !== 'ask') return;
      otherTab.postMessage({ type: 'answer', nonce: 'someone-else', session: mine });
      otherTab.postMessage({ type: 'answer', nonce: event.data.nonce, session: { ejentoToken: 7 } });
      otherTab.postMessage({ type: 'answer', nonce: event.data.nonce, session: mine });
    };
    await expect(sessionFromOtherTabs()).resolves.toEqual(mine);
    otherTab.onmessage = null;
    await expect(sessionFromOtherTabs(30)).resolves.toBeNull();
  });

  it('asks no tab when none has been signed in, and forgets that one was once none answers', async () => {
    const stored = new Map<string, string>();
    vi.stubGlobal('localStorage', {
      getItem: (key: string) => stored.get(key) ?? null,
      setItem: (key: string, value: string) => stored.set(key, value),
      removeItem: (key: string) => stored.delete(key),
    });
    try {
      await expect(sessionFromOtherTabs()).resolves.toBeNull();
      await flush();
      expect(heard).toEqual([]);
      // A tab signs in: from now on a new tab asks, and waits for an answer.
      shareSessionWithTabs(() => undefined);
      setSession(mine);
      setSession(null);
      await expect(sessionFromOtherTabs(30)).resolves.toBeNull();
      expect(heard).toHaveLength(1);
      expect(heard[0]).toMatchObject({ type: 'ask' });
      await expect(sessionFromOtherTabs()).resolves.toBeNull();
      expect(heard).toHaveLength(1);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('ends this tab’s session when the same sign-in signs out elsewhere, and not another one', async () => {
    const signedOutElsewhere = vi.fn();
    shareSessionWithTabs(signedOutElsewhere);
    setSession(mine);
    otherTab.postMessage({ type: 'signed-out', id: 'sign-in-2' });
    await flush();
    expect(signedOutElsewhere).not.toHaveBeenCalled();
    otherTab.postMessage({ type: 'signed-out', id: 'sign-in-1' });
    await flush();
    expect(signedOutElsewhere).toHaveBeenCalledTimes(1);
    expect(getSession()).toEqual(mine);
  });

  it('tells the other tabs when this sign-in ends; a session without an id is this tab’s alone', async () => {
    const told = nextMessage();
    announceSignOut(mine);
    expect(await told).toEqual({ type: 'signed-out', id: 'sign-in-1' });
    announceSignOut({ ejentoToken: 'a', authToken: 'b' });
    announceSignOut(null);
    await flush();
    expect(heard).toHaveLength(1);
  });
});
