// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  sessionStorage.clear();
  localStorage.clear();
  vi.resetModules();
});

describe('the stored session', () => {
  it('gives a session stored before sign-ins had families one of its own, and keeps it', async () => {
    sessionStorage.setItem(
      'ejento.session',
      JSON.stringify({ ejentoToken: 'platform-1', authToken: 'auth-1' }),
    );
    vi.resetModules();
    const { getSession } = await import('./session');
    const family = getSession()?.family;
    expect(family).toMatch(/^[0-9a-f]{32}$/);
    expect((JSON.parse(sessionStorage.getItem('ejento.session') ?? '{}') as { family?: string }).family).toBe(
      family,
    );
  });

  it('opens signed out when another tab ended the sign-in while this one was away', async () => {
    sessionStorage.setItem(
      'ejento.session',
      JSON.stringify({ ejentoToken: 'platform-1', authToken: 'auth-1', family: 'fam-1' }),
    );
    localStorage.setItem('ejento.ended-sign-ins', JSON.stringify({ 'fam-1': Date.now() }));
    vi.resetModules();
    const { getSession } = await import('./session');
    expect(getSession()).toBeNull();
  });
});
