// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, renderHook } from '@testing-library/react';
import { APP_TITLE, usePageTitle } from './use-page-title';

afterEach(cleanup);

describe('usePageTitle', () => {
  it('puts what the screen shows before the console’s name, and gives the name back when it goes', () => {
    const { rerender, unmount } = renderHook(({ page }: { page: string | null }) => usePageTitle(page), {
      initialProps: { page: null as string | null },
    });
    expect(document.title).toBe(APP_TITLE);
    rerender({ page: 'Care Finder · Edit' });
    expect(document.title).toBe('Care Finder · Edit – Ejento · Staging & Publishing');
    unmount();
    expect(document.title).toBe(APP_TITLE);
  });
});
