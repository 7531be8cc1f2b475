/**
 * An agent's tags are a set kept in the order tags were first added. Whatever sets them (creation,
 * `annotates`) adds through here, so one rule holds everywhere: tags arrive trimmed (the contract's
 * `tagSchema`), compare exactly (case counts: "HR" and "hr" are two tags, as in the console), and
 * a tag already present, or repeated in the same request, is not added again.
 */
export function addTags(tags: readonly string[], add: readonly string[]): string[] {
  const out = [...tags];
  for (const tag of add) if (!out.includes(tag)) out.push(tag);
  return out;
}
