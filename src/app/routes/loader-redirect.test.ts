import { describe, expect, it } from 'vitest';
import { loaderRedirect, markFirstScreenShown } from './loader-redirect';

describe('loaderRedirect', () => {
  it('replaces the address the tab was opened at, then redirects as usual once the first screen is shown', () => {
    const onLoad = loaderRedirect('/agents/7/edit');
    expect(onLoad.status).toBe(302);
    expect(onLoad.headers.get('Location')).toBe('/agents/7/edit');
    // Read by the router: the redirect replaces the history entry instead of adding one after it.
    expect(onLoad.headers.has('X-Remix-Replace')).toBe(true);

    markFirstScreenShown();
    const later = loaderRedirect('/agents/7/edit');
    expect(later.headers.get('Location')).toBe('/agents/7/edit');
    expect(later.headers.has('X-Remix-Replace')).toBe(false);
  });
});
