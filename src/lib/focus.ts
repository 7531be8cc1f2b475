/**
 * Whether the keyboard focus has been lost: it is on the page's body (where the browser puts it
 * when the focused element is disabled or removed) or on an element no longer in the page. Code
 * that moves the focus after a change does so only then, never taking it from where a person put it.
 */
export function focusIsLost(): boolean {
  const active = document.activeElement;
  return !active || active === document.body || !active.isConnected;
}

/**
 * In `container`, the link back to where the person came from (`from`, a path): the one whose
 * path `from` lies under, the longest such, leaving out links to the page shown (`here`) and to
 * the pages above it ("Agents" on the agent list comes under every agent's page). Null when none.
 */
export function linkBackTo(
  container: ParentNode | null,
  from: string,
  here: string,
): HTMLAnchorElement | null {
  const trim = (path: string) => path.replace(/\/+$/, '') || '/';
  const under = (path: string, parent: string) =>
    path === parent || path.startsWith(parent === '/' ? '/' : `${parent}/`);
  const target = trim(from);
  const current = trim(here);
  let best: HTMLAnchorElement | null = null;
  let bestLength = 0;
  for (const link of container?.querySelectorAll<HTMLAnchorElement>('a[href]') ?? []) {
    const path = trim(new URL(link.href, document.baseURI).pathname);
    if (under(current, path) || !under(target, path) || path.length <= bestLength) continue;
    best = link;
    bestLength = path.length;
  }
  return best;
}

/** Gives the focus to the first field (input, text box, select) in `container`, if it holds one. */
export function focusFirstField(container: ParentNode | null | undefined): void {
  container?.querySelector<HTMLElement>('input:not([type="hidden"]), textarea, select')?.focus();
}
