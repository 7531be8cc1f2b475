/**
 * An agent's tags are a set kept in the order tags were first added. Whatever sets them (creation,
 * `annotates`) goes through here, so one rule holds everywhere: tags arrive trimmed, with runs of
 * spaces made one (the contract's `tagSchema`), and two tags are the same tag when they differ
 * only in case ("HR" and "hr"), as in the console's tag field. A tag already present, or repeated
 * in the same request, is not added again; removing a tag removes it in whatever case it is held.
 */
export const sameTag = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

export function addTags(tags: readonly string[], add: readonly string[]): string[] {
  const out = [...tags];
  for (const tag of add) if (!out.some((held) => sameTag(held, tag))) out.push(tag);
  return out;
}

export function removeTags(tags: readonly string[], remove: readonly string[]): string[] {
  const removing = new Set(remove.map((tag) => tag.trim().toLowerCase()));
  return tags.filter((tag) => !removing.has(tag.toLowerCase()));
}
