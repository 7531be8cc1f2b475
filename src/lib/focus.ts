/**
 * Whether the keyboard focus has been lost: it is on the page's body (where the browser puts it
 * when the focused element is disabled or removed) or on an element no longer in the page. Code
 * that moves the focus after a change does so only then, never taking it from where a person put it.
 */
export function focusIsLost(): boolean {
  const active = document.activeElement;
  return !active || active === document.body || !active.isConnected;
}
