import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setSession } from '@/api/session';
import { refreshRestoredPages } from './page-restore';

const ADMIN = { ejentoToken: 'admin-ejento', authToken: 'admin-auth' };
const VIEWER = { ejentoToken: 'viewer-ejento', authToken: 'viewer-auth' };

/** A page shown again: from the back/forward cache (`persisted`) or loaded anew. */
function pageShow(persisted: boolean): Event {
  return Object.assign(new Event('pageshow'), { persisted });
}

describe('refreshRestoredPages', () => {
  const stored = new Map<string, string>();

  beforeEach(() => {
    vi.stubGlobal('sessionStorage', {
      getItem: (key: string) => stored.get(key) ?? null,
      setItem: (key: string, value: string) => stored.set(key, value),
      removeItem: (key: string) => stored.delete(key),
    });
  });

  afterEach(() => {
    setSession(null);
    stored.clear();
    vi.unstubAllGlobals();
  });

  function restorable() {
    const page = new EventTarget();
    const queryClient = { invalidateQueries: vi.fn(() => Promise.resolve()) };
    const reload = vi.fn();
    refreshRestoredPages(page, queryClient, reload);
    return { page, queryClient, reload };
  }

  it('loads the page again when someone else has signed in on the tab since it was left', () => {
    setSession(ADMIN);
    const { page, queryClient, reload } = restorable();
    // Another document of the same tab signed out and signed the viewer in.
    stored.set('ejento.session', JSON.stringify(VIEWER));
    page.dispatchEvent(pageShow(true));
    expect(reload).toHaveBeenCalledOnce();
    expect(queryClient.invalidateQueries).not.toHaveBeenCalled();
  });

  it('loads the page again when the tab has signed out since', () => {
    setSession(ADMIN);
    const { page, reload } = restorable();
    stored.delete('ejento.session');
    page.dispatchEvent(pageShow(true));
    expect(reload).toHaveBeenCalledOnce();
  });

  it('refreshes the data of a page restored in the same session', () => {
    setSession(ADMIN);
    const { page, queryClient, reload } = restorable();
    page.dispatchEvent(pageShow(true));
    expect(reload).not.toHaveBeenCalled();
    expect(queryClient.invalidateQueries).toHaveBeenCalledOnce();
  });

  it('leaves a page loaded anew alone', () => {
    setSession(ADMIN);
    const { page, queryClient, reload } = restorable();
    stored.set('ejento.session', JSON.stringify(VIEWER));
    page.dispatchEvent(pageShow(false));
    expect(reload).not.toHaveBeenCalled();
    expect(queryClient.invalidateQueries).not.toHaveBeenCalled();
  });
});
