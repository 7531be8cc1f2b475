/**
 * Word highlights inside one changed line: which runs of each side differ. Tokens are words,
 * single punctuation marks and whitespace runs, so the text shown is exactly the text given
 * (whitespace included). An exact LCS over tokens; a line too long for that is marked whole.
 */

export interface Segment {
  text: string;
  changed: boolean;
}

const TOKEN = /\s+|[\p{L}\p{N}_]+|[^\s\p{L}\p{N}_]/gu;
const MAX_CELLS = 250_000;

const tokens = (text: string) => text.match(TOKEN) ?? [];

/** Joins neighbours alike; a lone space between two changed words reads as part of the change. */
function merge(parts: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k]!;
    if (!part.changed && parts[k - 1]?.changed && parts[k + 1]?.changed && /^\s+$/.test(part.text)) {
      part.changed = true;
    }
    const last = out[out.length - 1];
    if (last && last.changed === part.changed) last.text += part.text;
    else out.push({ ...part });
  }
  return out;
}

export function wordDiff(before: string, after: string): { before: Segment[]; after: Segment[] } {
  const a = tokens(before);
  const b = tokens(after);
  if (a.length * b.length > MAX_CELLS) {
    return { before: [{ text: before, changed: true }], after: [{ text: after, changed: true }] };
  }
  const width = b.length + 1;
  const table = new Uint16Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * width + j] =
        a[i] === b[j]
          ? table[(i + 1) * width + j + 1]! + 1
          : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
    }
  }
  const left: Segment[] = [];
  const right: Segment[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      left.push({ text: a[i]!, changed: false });
      right.push({ text: b[j]!, changed: false });
      i++;
      j++;
    } else if (j < b.length && (i === a.length || table[i * width + j + 1]! >= table[(i + 1) * width + j]!)) {
      right.push({ text: b[j]!, changed: true });
      j++;
    } else {
      left.push({ text: a[i]!, changed: true });
      i++;
    }
  }
  return { before: merge(left), after: merge(right) };
}
