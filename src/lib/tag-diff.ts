import { normalizeTag, sameTag } from '@contract';

/**
 * Tags are a set edited through `annotates { add, remove }`: what is sent is the difference
 * between the tags the form was loaded with and the tags the user wants.
 */
export interface TagDiff {
  add: string[];
  remove: string[];
}

/** Normalised, without empties or repeats (in any case), first occurrence kept. */
export function normalizeTags(tags: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of tags) {
    const tag = normalizeTag(raw);
    if (tag !== '' && !out.some((held) => sameTag(held, tag))) out.push(tag);
  }
  return out;
}

export function diffTags(before: readonly string[], after: readonly string[]): TagDiff {
  const b = normalizeTags(before);
  const a = normalizeTags(after);
  return { add: a.filter((t) => !b.includes(t)), remove: b.filter((t) => !a.includes(t)) };
}

export const isEmptyTagDiff = (d: TagDiff): boolean => d.add.length === 0 && d.remove.length === 0;

/** What the server holds after applying a diff, in the server's order (removals, then additions). */
export function applyTagDiff(tags: readonly string[], diff: TagDiff): string[] {
  const kept = normalizeTags(tags).filter((t) => !diff.remove.some((r) => sameTag(r, t)));
  for (const t of diff.add) if (!kept.some((k) => sameTag(k, t))) kept.push(t);
  return kept;
}

/**
 * The diff worth sending to a server that holds `server`: only what would change something. A tag
 * whose case alone changes ("HR" to "hr") is removed and added again, so it stays in the diff.
 */
export function effectiveTagDiff(server: readonly string[], diff: TagDiff): TagDiff {
  const s = normalizeTags(server);
  const remove = diff.remove.filter((t) => s.some((held) => sameTag(held, t)));
  const left = s.filter((held) => !remove.some((t) => sameTag(held, t)));
  return { add: diff.add.filter((t) => !left.some((held) => sameTag(held, t))), remove };
}

/** Three-way merge of tag sets: the user's additions and removals, applied to theirs. */
export function mergeTags(
  base: readonly string[],
  mine: readonly string[],
  theirs: readonly string[],
): string[] {
  return applyTagDiff(theirs, diffTags(base, mine));
}
