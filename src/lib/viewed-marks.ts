/**
 * "Viewed" marks of a review. A mark stores the signature of the section's changes as the reviewer
 * saw them; the section counts as viewed only while its changes still have that signature, so a
 * mark clears itself when staging moves on. Nothing is deleted to make that happen: the state is
 * derived by comparing signatures.
 */
import { stableStringify } from './stable-json';

/** Sections' signatures as marked viewed, by section key. */
export type ViewedMarks = Readonly<Record<string, string>>;

export interface SignedChange {
  path: string;
  change: string;
  before: unknown;
  after: unknown;
}

/**
 * A short hash of what a section changes. Who changed it and when are left out: a field re-saved
 * with the same value does not need another look.
 */
export function sectionSignature(changes: readonly SignedChange[]): string {
  const text = stableStringify(
    changes.map((c) => ({
      path: c.path,
      change: c.change,
      before: c.before ?? null,
      after: c.after ?? null,
    })),
    0,
  );
  return `${text.length.toString(36)}-${cyrb53(text)}`;
}

/** cyrb53: a fast, well-spread 53-bit string hash (not for security). */
function cyrb53(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

export function isViewed(marks: ViewedMarks, sectionKey: string, signature: string): boolean {
  return marks[sectionKey] === signature;
}

/**
 * Marks or unmarks one section, dropping marks that no longer match a current section. A section
 * whose signature is not known yet (`null`: still being computed) keeps its mark.
 */
export function toggleViewed(
  marks: ViewedMarks,
  sectionKey: string,
  signature: string,
  current: Readonly<Record<string, string | null>>,
): ViewedMarks {
  const next: Record<string, string> = {};
  for (const [key, sig] of Object.entries(marks)) {
    if (key === sectionKey) continue;
    if (current[key] === sig || current[key] === null) next[key] = sig;
  }
  if (!isViewed(marks, sectionKey, signature)) next[sectionKey] = signature;
  return next;
}

/** How many of the current sections are marked viewed. */
export function viewedCount(marks: ViewedMarks, current: Readonly<Record<string, string | null>>): number {
  return Object.entries(current).filter(([key, sig]) => marks[key] === sig).length;
}

/** Sections whose changes differ between two sets of signatures (appeared, vanished or changed). */
export function changedSections(
  before: Readonly<Record<string, string | null>>,
  after: Readonly<Record<string, string | null>>,
): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => before[k] !== after[k]);
}

/** Where a person's marks on an agent are kept (the agent's alone when who is signed in is not known). */
export const viewedMarksStorageKey = (agentId: number, userId?: number) =>
  userId === undefined ? `ejento.review.viewed.${agentId}` : `ejento.review.viewed.${agentId}.user-${userId}`;

/** Reads stored marks defensively: anything malformed reads as no marks. */
export function parseViewedMarks(raw: string | null | undefined): ViewedMarks {
  if (!raw) return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    return Object.fromEntries(
      Object.entries(parsed as Record<string, unknown>).filter(
        (e): e is [string, string] => typeof e[1] === 'string',
      ),
    );
  } catch {
    return {};
  }
}

/** Characters of text a section's signature has to read: above some size, sign it off the main thread. */
export function signatureSize(changes: readonly SignedChange[]): number {
  let size = 0;
  const add = (v: unknown) => {
    if (typeof v === 'string') size += v.length;
    else if (v !== null && typeof v === 'object') size += 64;
  };
  for (const c of changes) {
    add(c.before);
    add(c.after);
  }
  return size;
}
