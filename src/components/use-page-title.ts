import { useEffect } from 'react';

/** The console's name, as index.html has it: the title of a screen that names nothing more. */
export const APP_TITLE = 'Ejento · Staging & Publishing';

/**
 * Names the screen in the browser's tab and in the Back and Forward buttons' history lists, where
 * every page of the console otherwise reads the same, and for screen readers (WCAG 2.4.2). What
 * the screen shows comes first, so it is what a narrow tab still shows. `null` while the name is
 * not known yet (an agent still loading) leaves the console's name.
 */
export function usePageTitle(page: string | null): void {
  useEffect(() => {
    document.title = page ? `${page} – ${APP_TITLE}` : APP_TITLE;
    return () => {
      document.title = APP_TITLE;
    };
  }, [page]);
}
