/**
 * A publish note typed but not yet sent, kept in this tab's sessionStorage by agent: leaving
 * the Review tab (Back, the Edit tab, a reload) and coming back finds it in the dialog. It goes
 * when the publish succeeds, at sign-out, and when someone else signs in on the tab.
 *
 * With the note goes the staging fingerprint of the changes it was written for, so the dialog
 * can say when the changes it now publishes are not those (staging changed since).
 */

const PREFIX = 'ejento.publish-note.';

export interface UnsentNote {
  note: string;
  /** The fingerprint of the changes on screen when it was last typed; null if not known. */
  writtenFor: string | null;
}

const NONE: UnsentNote = { note: '', writtenFor: null };

const storage = (): Storage | null => {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
};

/** What is stored: `{ note, writtenFor }` as JSON; anything else is read as a bare note. */
function parse(raw: string): UnsentNote {
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value === 'object' && value !== null && 'note' in value && typeof value.note === 'string') {
      const writtenFor =
        'writtenFor' in value && typeof value.writtenFor === 'string' ? value.writtenFor : null;
      return { note: value.note, writtenFor };
    }
  } catch {
    // Not JSON: a note kept as plain text.
  }
  return { note: raw, writtenFor: null };
}

export function readPublishNote(agentId: number): UnsentNote {
  try {
    const raw = storage()?.getItem(`${PREFIX}${agentId}`);
    return raw ? parse(raw) : NONE;
  } catch {
    return NONE;
  }
}

/** An empty note is no note: nothing stays stored. */
export function writePublishNote(agentId: number, note: string, writtenFor: string | null = null): void {
  try {
    if (note.trim() === '') storage()?.removeItem(`${PREFIX}${agentId}`);
    else storage()?.setItem(`${PREFIX}${agentId}`, JSON.stringify({ note, writtenFor }));
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
