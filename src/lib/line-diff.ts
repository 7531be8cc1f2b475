/**
 * A line diff fast enough for 100,000-line system prompts (react-diff-viewer's Myers diff of
 * them runs for minutes). Lines are interned to integers; common prefix and suffix are trimmed;
 * lines that occur exactly once on each side anchor the match (patience diff: the longest
 * increasing run of such pairs), recursing between anchors; small regions without anchors get an
 * exact LCS, large ones are reported as replaced. Near O(n log n) on real text.
 *
 * The result is flat typed arrays so a Web Worker can hand it over without copying, and a
 * viewer can show any line with `text.slice(starts[i], starts[i + 1] - 1)` without splitting the
 * text on the main thread.
 */

export const EQUAL = 0;
export const CHANGE = 1;

export interface LineDiff {
  /** Start offset of each line of `before`, plus one sentinel: line i is before.slice(s[i], s[i + 1] - 1). */
  beforeStarts: Int32Array;
  afterStarts: Int32Array;
  /**
   * Runs of 5 numbers: kind (EQUAL or CHANGE), first line and count in `before`, first line and
   * count in `after`. A CHANGE run replaces its `before` lines (maybe none) with its `after`
   * lines (maybe none). Runs are in order and cover both texts exactly.
   */
  runs: Int32Array;
}

/** Where each line starts; an empty text has no lines. */
export function lineStarts(text: string): Int32Array {
  if (text === '') return Int32Array.of(1);
  let count = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  const starts = new Int32Array(count + 1);
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts[line++] = i + 1;
  starts[count] = text.length + 1;
  return starts;
}

export const lineCountOf = (starts: Int32Array) => starts.length - 1;

export function lineAt(text: string, starts: Int32Array, index: number): string {
  return text.slice(starts[index], (starts[index + 1] ?? text.length + 1) - 1);
}

/** Exact LCS only below this many cells: 1,000 × 1,000 lines in a region without any anchor. */
const MAX_LCS_CELLS = 1_000_000;

class RunList {
  private data = new Int32Array(1024);
  private length = 0;

  push(kind: number, aStart: number, aCount: number, bStart: number, bCount: number): void {
    if (aCount === 0 && bCount === 0) return;
    const last = this.length - 5;
    // Merge with the previous run of the same kind: they are always adjacent.
    if (last >= 0 && this.data[last] === kind) {
      this.data[last + 2]! += aCount;
      this.data[last + 4]! += bCount;
      return;
    }
    if (this.length + 5 > this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data.set([kind, aStart, aCount, bStart, bCount], this.length);
    this.length += 5;
  }

  result(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

function internLines(before: string, beforeStarts: Int32Array, after: string, afterStarts: Int32Array) {
  const ids = new Map<string, number>();
  const intern = (text: string, starts: Int32Array) => {
    const count = lineCountOf(starts);
    const out = new Int32Array(count);
    for (let i = 0; i < count; i++) {
      const line = lineAt(text, starts, i);
      let id = ids.get(line);
      if (id === undefined) {
        id = ids.size;
        ids.set(line, id);
      }
      out[i] = id;
    }
    return out;
  };
  const a = intern(before, beforeStarts);
  const b = intern(after, afterStarts);
  return { a, b, distinct: ids.size };
}

/** Indexes into `values` of a longest strictly increasing subsequence (patience sorting). */
function longestIncreasing(values: Int32Array): number[] {
  const tails = new Int32Array(values.length);
  const previous = new Int32Array(values.length);
  let size = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    let lo = 0;
    let hi = size;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]!]! < v) lo = mid + 1;
      else hi = mid;
    }
    previous[i] = lo > 0 ? tails[lo - 1]! : -1;
    tails[lo] = i;
    if (lo === size) size++;
  }
  const out = new Array<number>(size);
  for (let k = size - 1, i = size > 0 ? tails[size - 1]! : -1; k >= 0; k--, i = previous[i]!) out[k] = i;
  return out;
}

/** Line-level diff of two texts. */
export function diffLines(before: string, after: string): LineDiff {
  const beforeStarts = lineStarts(before);
  const afterStarts = lineStarts(after);
  const { a, b, distinct } = internLines(before, beforeStarts, after, afterStarts);
  const countA = new Int32Array(distinct);
  const countB = new Int32Array(distinct);
  const posB = new Int32Array(distinct);
  const runs = new RunList();

  function lcs(aLo: number, aHi: number, bLo: number, bHi: number): void {
    const n = aHi - aLo;
    const m = bHi - bLo;
    // Suffix LCS lengths, so the walk below goes forward.
    const width = m + 1;
    const table = new Uint32Array((n + 1) * width);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        table[i * width + j] =
          a[aLo + i] === b[bLo + j]
            ? table[(i + 1) * width + j + 1]! + 1
            : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    let changeA = 0;
    let changeB = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[aLo + i] === b[bLo + j]) {
        runs.push(CHANGE, aLo + i - changeA, changeA, bLo + j - changeB, changeB);
        changeA = 0;
        changeB = 0;
        runs.push(EQUAL, aLo + i, 1, bLo + j, 1);
        i++;
        j++;
      } else if (j < m && (i === n || table[i * width + j + 1]! >= table[(i + 1) * width + j]!)) {
        changeB++;
        j++;
      } else {
        changeA++;
        i++;
      }
    }
    runs.push(CHANGE, aLo + n - changeA, changeA, bLo + m - changeB, changeB);
  }

  function diffRange(aLo: number, aHi: number, bLo: number, bHi: number): void {
    let prefix = 0;
    while (aLo + prefix < aHi && bLo + prefix < bHi && a[aLo + prefix] === b[bLo + prefix]) prefix++;
    runs.push(EQUAL, aLo, prefix, bLo, prefix);
    aLo += prefix;
    bLo += prefix;
    let suffix = 0;
    while (aHi - suffix > aLo && bHi - suffix > bLo && a[aHi - 1 - suffix] === b[bHi - 1 - suffix]) suffix++;
    aHi -= suffix;
    bHi -= suffix;

    if (aLo === aHi || bLo === bHi) {
      runs.push(CHANGE, aLo, aHi - aLo, bLo, bHi - bLo);
    } else {
      // Lines occurring exactly once on each side, in `before` order, with their `after` position.
      for (let i = aLo; i < aHi; i++) countA[a[i]!]!++;
      for (let j = bLo; j < bHi; j++) {
        const id = b[j]!;
        countB[id]!++;
        posB[id] = j;
      }
      const pairsA: number[] = [];
      const pairsB: number[] = [];
      for (let i = aLo; i < aHi; i++) {
        const id = a[i]!;
        if (countA[id] === 1 && countB[id] === 1) {
          pairsA.push(i);
          pairsB.push(posB[id]!);
        }
      }
      for (let i = aLo; i < aHi; i++) countA[a[i]!] = 0;
      for (let j = bLo; j < bHi; j++) countB[b[j]!] = 0;

      if (pairsA.length === 0) {
        if ((aHi - aLo) * (bHi - bLo) <= MAX_LCS_CELLS) lcs(aLo, aHi, bLo, bHi);
        else runs.push(CHANGE, aLo, aHi - aLo, bLo, bHi - bLo);
      } else {
        let lastA = aLo;
        let lastB = bLo;
        for (const k of longestIncreasing(Int32Array.from(pairsB))) {
          const anchorA = pairsA[k]!;
          const anchorB = pairsB[k]!;
          // Most anchors follow the previous one directly: nothing lies between them to diff.
          if (anchorA > lastA || anchorB > lastB) diffRange(lastA, anchorA, lastB, anchorB);
          runs.push(EQUAL, anchorA, 1, anchorB, 1);
          lastA = anchorA + 1;
          lastB = anchorB + 1;
        }
        diffRange(lastA, aHi, lastB, bHi);
      }
    }
    runs.push(EQUAL, aHi, suffix, bHi, suffix);
  }

  diffRange(0, a.length, 0, b.length);
  return { beforeStarts, afterStarts, runs: runs.result() };
}

/** Lines removed plus lines added. */
export function changedLineCount(diff: LineDiff): number {
  let changed = 0;
  for (let r = 0; r < diff.runs.length; r += 5) {
    if (diff.runs[r] === CHANGE) changed += diff.runs[r + 2]! + diff.runs[r + 4]!;
  }
  return changed;
}
