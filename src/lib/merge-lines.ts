import { CHANGE, diffLines, lineAt, lineCountOf, lineStarts } from './line-diff';

/** Base lines [start, end) replaced by `lines`. */
interface Hunk {
  start: number;
  end: number;
  lines: string[];
}

function hunksOf(base: string, other: string): Hunk[] {
  const { afterStarts, runs } = diffLines(base, other);
  const hunks: Hunk[] = [];
  for (let r = 0; r < runs.length; r += 5) {
    if (runs[r] !== CHANGE) continue;
    const start = runs[r + 1]!;
    const from = runs[r + 3]!;
    const lines: string[] = [];
    for (let i = from; i < from + runs[r + 4]!; i++) lines.push(lineAt(other, afterStarts, i));
    hunks.push({ start, end: start + runs[r + 2]!, lines });
  }
  return hunks;
}

const sameHunk = (x: Hunk, y: Hunk) =>
  x.start === y.start &&
  x.end === y.end &&
  x.lines.length === y.lines.length &&
  x.lines.every((l, i) => l === y.lines[i]);

/**
 * Both people's edits of one text, line by line: the lines one changed and the other did not
 * take that one's version. Null when their edits touch the same lines or lines next to each
 * other (which one's words go where is then for a person to say), or when the texts are too far
 * apart to tell. The same edit made by both counts once.
 */
export function mergeLines(base: string, mine: string, theirs: string): string | null {
  const beforeStarts = lineStarts(base);
  const count = lineCountOf(beforeStarts);
  const all = [...hunksOf(base, mine), ...hunksOf(base, theirs)].sort(
    (x, y) => x.start - y.start || x.end - y.end,
  );
  const out: string[] = [];
  let at = 0;
  let last: Hunk | null = null;
  for (const hunk of all) {
    if (last && sameHunk(last, hunk)) continue;
    // Touching or overlapping the previous hunk (of the other person: one's own never touch).
    if (last && hunk.start <= last.end) return null;
    for (; at < hunk.start; at++) out.push(lineAt(base, beforeStarts, at));
    out.push(...hunk.lines);
    at = hunk.end;
    last = hunk;
  }
  for (; at < count; at++) out.push(lineAt(base, beforeStarts, at));
  return out.join('\n');
}
