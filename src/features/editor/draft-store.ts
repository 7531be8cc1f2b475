import { useMemo, useSyncExternalStore } from 'react';
import { deepEqual } from '@/lib/deep-equal';
import { FORM_IDS, type FormId } from './model/section-model';

/** Someone else's save that a save of this form ran into (HTTP 412), kept until the user chooses. */
export interface Conflict<F> {
  /** The revision staging is at now: "keep mine" saves over it. */
  revision: number;
  by: string;
  on: string;
  /** What the form's part holds now, in form shape. */
  theirs: F;
}

/**
 * A form's unsaved work: what the user typed (`values`), what the form was loaded from
 * (`base`, at `baseRevision`) and, after a 412, the other person's version.
 */
export interface Draft<F> {
  base: F;
  baseRevision: number;
  values: F;
  conflict: Conflict<F> | null;
  /** Values differ from the base, or a conflict waits for a choice. */
  dirty: boolean;
}

interface StoredDraft {
  v: 1;
  baseRevision: number;
  values: unknown;
  /** Left out when the tab's storage is too full to hold it (a prompt of megabytes). */
  base?: unknown;
  conflict?: Conflict<unknown> | null;
}

const PREFIX = 'ejento.editor-draft';
const storageKey = (agentId: number, form: FormId) => `${PREFIX}.${agentId}.${form}`;
/** Whose drafts the tab holds (an e-mail, lower case). */
const OWNER_KEY = `${PREFIX}-owner`;

function storage(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}

/**
 * Drafts live in memory and in sessionStorage, by agent and form: a reload, or a session that
 * expired and sent the user through sign-in, brings the same text back. Cleared on save and on
 * discard. A draft too large for the tab's storage still lives in memory.
 */
class DraftStore {
  private cache = new Map<string, Draft<unknown> | null>();
  private owner: string | null = null;
  private listeners = new Set<() => void>();

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  get<F>(agentId: number, form: FormId): Draft<F> | null {
    const key = storageKey(agentId, form);
    if (!this.cache.has(key)) this.cache.set(key, this.read(key));
    return (this.cache.get(key) ?? null) as Draft<F> | null;
  }

  /** `unchanged` tells values that hold nothing to save from their base (deep equality by default). */
  set<F>(
    agentId: number,
    form: FormId,
    next: Omit<Draft<F>, 'dirty'> | null,
    unchanged: (values: F, base: F) => boolean = deepEqual,
  ): void {
    const key = storageKey(agentId, form);
    const draft: Draft<F> | null = next
      ? { ...next, dirty: next.conflict !== null || !unchanged(next.values, next.base) }
      : null;
    // A draft equal to its base with nothing to decide is no draft at all.
    const kept = draft && draft.dirty ? draft : null;
    this.cache.set(key, kept);
    this.write(key, kept);
    this.listeners.forEach((l) => l());
  }

  clear(agentId: number, form: FormId): void {
    this.set(agentId, form, null);
  }

  dirtyForms(agentId: number): FormId[] {
    return FORM_IDS.filter((form) => this.get(agentId, form)?.dirty === true);
  }

  /**
   * Forget every draft of this tab, in memory and in storage: after a sign-out the next person
   * to sign in here must not find the last one's unsaved text. (An expired session keeps them:
   * the same person signs back in.)
   */
  clearAll(): void {
    const s = storage();
    try {
      const keys = s ? Array.from({ length: s.length }, (_, i) => s.key(i)) : [];
      for (const key of keys) if (key?.startsWith(`${PREFIX}.`) || key === OWNER_KEY) s?.removeItem(key);
    } catch {
      // Storage unavailable: only memory held drafts.
    }
    this.cache.clear();
    this.owner = null;
    this.listeners.forEach((l) => l());
  }

  /**
   * The drafts are this user's from now on. Drafts left by someone else (their session expired
   * in this tab, and another person signed in) are forgotten: nobody sees, or saves as their
   * own, another person's unsaved text. The same person signing back in keeps theirs. Drafts of
   * a tab that recorded no owner are taken over. Returns false when someone else's were forgotten.
   */
  claimFor(user: string): boolean {
    const owner = user.trim().toLowerCase();
    const s = storage();
    let recorded = this.owner;
    try {
      recorded = s?.getItem(OWNER_KEY) ?? recorded;
    } catch {
      // Storage unavailable: what memory says.
    }
    const someoneElse = recorded !== null && recorded !== owner;
    if (someoneElse) this.clearAll();
    this.owner = owner;
    try {
      s?.setItem(OWNER_KEY, owner);
    } catch {
      // Storage unavailable or full: memory holds the owner.
    }
    return !someoneElse;
  }

  /** Whose drafts these are, as last claimed (null before any claim, or after `clearAll`). */
  get claimedBy(): string | null {
    return this.owner;
  }

  /** Forget everything in memory (tests; storage is left alone). */
  resetMemory(): void {
    this.cache.clear();
    this.owner = null;
  }

  private read(key: string): Draft<unknown> | null {
    try {
      const raw = storage()?.getItem(key);
      if (!raw) return null;
      const stored = JSON.parse(raw) as StoredDraft;
      if (stored.v !== 1 || typeof stored.baseRevision !== 'number') return null;
      return {
        // Without a stored base the hook falls back to what the server holds.
        base: stored.base,
        baseRevision: stored.baseRevision,
        values: stored.values,
        conflict: stored.conflict ?? null,
        dirty: true,
      };
    } catch {
      return null;
    }
  }

  private write(key: string, draft: Draft<unknown> | null): void {
    const s = storage();
    if (!s) return;
    try {
      if (!draft) {
        s.removeItem(key);
        return;
      }
      const typed = textLength(draft.values);
      if (typed > STORABLE_CHARS) {
        // Kept in memory for this page only; an older copy in storage must not come back instead.
        s.removeItem(key);
        return;
      }
      const lean = { v: 1 as const, baseRevision: draft.baseRevision, values: draft.values };
      const full: StoredDraft = { ...lean, base: draft.base, conflict: draft.conflict };
      const fits = typed + textLength(draft.base) + textLength(draft.conflict) <= STORABLE_CHARS;
      try {
        s.setItem(key, JSON.stringify(fits ? full : lean));
      } catch {
        // Over quota all the same: keep at least what the user typed, else nothing stale.
        try {
          s.setItem(key, JSON.stringify(lean));
        } catch {
          s.removeItem(key);
        }
      }
    } catch {
      // Storage unavailable: the draft lives in memory for this page.
    }
  }
}

/**
 * What sessionStorage holds for an origin, about 5 million characters (Chromium, Firefox), less
 * room for the rest: a draft beyond it is refused anyway, and writing out a 100,000-line prompt
 * only to be refused cost its save hundreds of milliseconds.
 */
const STORABLE_CHARS = 4_500_000;

/** The characters of a draft's strings and keys: about what storing it takes, without writing it out. */
function textLength(value: unknown): number {
  let total = 0;
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next === 'string') total += next.length;
    else if (Array.isArray(next)) pending.push(...(next as unknown[]));
    else if (next !== null && typeof next === 'object') {
      for (const [k, v] of Object.entries(next)) {
        total += k.length;
        pending.push(v);
      }
    }
  }
  return total;
}

export const draftStore = new DraftStore();

export function useDraft<F>(agentId: number, form: FormId): Draft<F> | null {
  return useSyncExternalStore(draftStore.subscribe, () => draftStore.get<F>(agentId, form));
}

/** The forms of this agent with unsaved work, for the nav dots and the leave guard. */
export function useDirtyForms(agentId: number): FormId[] {
  const joined = useSyncExternalStore(draftStore.subscribe, () => draftStore.dirtyForms(agentId).join(','));
  return useMemo(() => (joined ? (joined.split(',') as FormId[]) : []), [joined]);
}
