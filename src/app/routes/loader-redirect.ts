import { redirect, replace } from 'react-router';

let firstScreenShown = false;

/** The router has settled on its first screen: later redirects happen within the app. */
export function markFirstScreenShown(): void {
  firstScreenShown = true;
}

/**
 * A loader's redirect. On the page load (a link opened, a reload) it replaces the address the tab
 * was opened at: kept as an entry of its own, Back would return to that address, whose loader
 * sends the user forward again, so Back could never leave the console. Within the app, the
 * navigation that redirects has no entry yet, and the plain redirect adds only the one it lands on.
 */
export function loaderRedirect(to: string): Response {
  return firstScreenShown ? redirect(to) : replace(to);
}
