/**
 * A publish note typed but not yet sent, kept in this tab's sessionStorage by agent: leaving
 * the Review tab (Back, the Edit tab, a reload) and coming back finds it in the dialog. It goes
 * when the publish succeeds, at sign-out, and when someone else signs in on the tab.
 */

const PREFIX = 'ejento.publish-note.';

const storage = (): Storage | null => {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
};

export function readPublishNote(agentId: number): string {
  try {
    return storage()?.getItem(`${PREFIX}${agentId}`) ?? '';
  } catch {
    return '';
  }
}

/** An empty note is no note: nothing stays stored. */
export function writePublishNote(agentId: number, note: string): void {
  try {
    if (note.trim() === '') storage()?.removeItem(`${PREFIX}${agentId}`);
    else storage()?.setItem(`${PREFIX}${agentId}`, note);
  } catch {
    // Storage unavailable or full: the note lives as long as the screen.
  }
}

export function forgetPublishNotes(): void {
  const s = storage();
  try {
    const keys = s ? Array.from({ length: s.length }, (_, i) => s.key(i)) : [];
    for (const key of keys) if (key?.startsWith(PREFIX)) s?.removeItem(key);
  } catch {
    // Storage unavailable: nothing was kept.
  }
}
