import { CHANGE, type LineDiff } from './line-diff';

/**
 * The rows a text diff shows, from a line diff: changed lines with `context` unchanged lines
 * around them, and one fold row for each longer unchanged stretch (until it is expanded).
 * Split rows pair a removed line with the added line in its place; unified rows list removed
 * lines before added ones, each knowing its counterpart for word highlights.
 */

export type DiffRowKind = 'equal' | 'removed' | 'added' | 'modified' | 'fold';

export interface DiffRow {
  kind: DiffRowKind;
  /** Line index in `before`, or -1. */
  before: number;
  /** Line index in `after`, or -1. */
  after: number;
  /** Unified view: the line on the other side this one replaces / is replaced by (for word highlights), or -1. */
  partner: number;
  /** Fold rows: how many unchanged lines are hidden, and the fold's id for expanding it. */
  hidden: number;
  foldId: number;
}

export interface DiffRowOptions {
  split: boolean;
  context: number;
  /** Ids of folds the reader opened (a fold's id is the index of the unchanged run it hides). */
  expanded: ReadonlySet<number>;
}

const row = (kind: DiffRowKind, before: number, after: number, partner = -1): DiffRow => ({
  kind,
  before,
  after,
  partner,
  hidden: 0,
  foldId: -1,
});

export function diffRows(diff: LineDiff, { split, context, expanded }: DiffRowOptions): DiffRow[] {
  const rows: DiffRow[] = [];
  const { runs } = diff;
  const runCount = runs.length / 5;
  for (let r = 0; r < runCount; r++) {
    const kind = runs[r * 5]!;
    const aStart = runs[r * 5 + 1]!;
    const aCount = runs[r * 5 + 2]!;
    const bStart = runs[r * 5 + 3]!;
    const bCount = runs[r * 5 + 4]!;
    if (kind === CHANGE) {
      if (split) {
        const paired = Math.min(aCount, bCount);
        for (let i = 0; i < paired; i++) rows.push(row('modified', aStart + i, bStart + i));
        for (let i = paired; i < aCount; i++) rows.push(row('removed', aStart + i, -1));
        for (let i = paired; i < bCount; i++) rows.push(row('added', -1, bStart + i));
      } else {
        for (let i = 0; i < aCount; i++)
          rows.push(row('removed', aStart + i, -1, i < bCount ? bStart + i : -1));
        for (let i = 0; i < bCount; i++)
          rows.push(row('added', -1, bStart + i, i < aCount ? aStart + i : -1));
      }
      continue;
    }
    // Unchanged: keep `context` lines next to each change; fold the rest when it hides more than one line.
    const keepHead = r > 0 ? context : 0;
    const keepTail = r < runCount - 1 ? context : 0;
    const hidden = aCount - keepHead - keepTail;
    if (hidden <= 1 || expanded.has(r)) {
      for (let i = 0; i < aCount; i++) rows.push(row('equal', aStart + i, bStart + i));
      continue;
    }
    for (let i = 0; i < keepHead; i++) rows.push(row('equal', aStart + i, bStart + i));
    rows.push({
      kind: 'fold',
      before: aStart + keepHead,
      after: bStart + keepHead,
      partner: -1,
      hidden,
      foldId: r,
    });
    for (let i = aCount - keepTail; i < aCount; i++) rows.push(row('equal', aStart + i, bStart + i));
  }
  return rows;
}
