/**
 * JSON with object keys in sorted order at every depth, so two objects that differ only in key
 * order print the same text and a text diff shows real changes only. Arrays keep their order:
 * order is meaningful there.
 */
export function stableStringify(value: unknown, indent = 2): string {
  return JSON.stringify(sortKeys(value), null, indent) ?? 'null';
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const source = value as Record<string, unknown>;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(source).sort()) {
      const v = source[key];
      // JSON.stringify drops undefined members; dropping them here keeps the output identical.
      if (v !== undefined) sorted[key] = sortKeys(v);
    }
    return sorted;
  }
  return value;
}
