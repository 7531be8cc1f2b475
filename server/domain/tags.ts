import { normalizeTag, sameTag } from '../../contract';

/**
 * An agent's tags are a set kept in the order tags were first added. Whatever sets them (creation,
 * `annotates`) goes through here, so the contract's one rule for tags (`normalizeTag`,
 * `sameTag`) holds everywhere. A tag already present, or repeated in the same request, is not
 * added again; removing a tag removes it in whatever case it is held.
 */
export function addTags(tags: readonly string[], add: readonly string[]): string[] {
  const out = [...tags];
  for (const tag of add) if (!out.some((held) => sameTag(held, tag))) out.push(tag);
  return out;
}

export function removeTags(tags: readonly string[], remove: readonly string[]): string[] {
  // The held side is normalised too: a tag may be held as written before the rule changed.
  const removing = new Set(remove.map((tag) => normalizeTag(tag).toLowerCase()));
  return tags.filter((tag) => !removing.has(normalizeTag(tag).toLowerCase()));
}
