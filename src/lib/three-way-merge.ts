import { deepEqual, isPlainObject } from './deep-equal';

/**
 * Puts the changes `mine` made to `base` on top of `theirs` (what someone else saved since).
 * Objects merge member by member, at every depth; anything else (strings, numbers, arrays) is
 * one value. Where both sides changed the same value, mine wins: this is "keep mine" after a
 * conflict, and it never drops a change of theirs that mine did not touch.
 */
export function mergeThreeWay<T>(base: T, mine: T, theirs: T): T {
  return mergeValue(base, mine, theirs) as T;
}

function mergeValue(base: unknown, mine: unknown, theirs: unknown): unknown {
  if (deepEqual(mine, base)) return theirs;
  if (deepEqual(theirs, base)) return mine;
  if (isPlainObject(base) && isPlainObject(mine) && isPlainObject(theirs)) {
    const out: Record<string, unknown> = {};
    const keys = new Set([...Object.keys(theirs), ...Object.keys(mine)]);
    for (const key of keys) {
      const merged = mergeValue(base[key], mine[key], theirs[key]);
      if (merged !== undefined) out[key] = merged;
    }
    return out;
  }
  return mine;
}

/** One line of a section, as people read it: a label and a value compared by content. */
export interface DescribedField {
  label: string;
  value: unknown;
  /** How the value reads, when that differs from what is compared (an order shown as text). */
  display?: string;
}

export interface ThreeWayRow {
  key: string;
  label: string;
  base: unknown;
  mine: unknown;
  theirs: unknown;
  /** What to show for each side: its `display`, else its value. */
  mineShown: unknown;
  theirsShown: unknown;
  /** The user changed this since loading the form. */
  changedByMe: boolean;
  /** Someone else changed this since the form was loaded. */
  changedByThem: boolean;
}

/**
 * Lines where the user's draft or the other person's save differ from what the form was
 * loaded from. A line absent from one side (an item added or removed) has `undefined` there.
 */
export function threeWayRows(
  base: Record<string, DescribedField>,
  mine: Record<string, DescribedField>,
  theirs: Record<string, DescribedField>,
): ThreeWayRow[] {
  const keys = [...new Set([...Object.keys(base), ...Object.keys(theirs), ...Object.keys(mine)])];
  const rows: ThreeWayRow[] = [];
  for (const key of keys) {
    const b = base[key]?.value;
    const m = mine[key]?.value;
    const t = theirs[key]?.value;
    const changedByMe = !deepEqual(m, b);
    const changedByThem = !deepEqual(t, b);
    if (!changedByMe && !changedByThem) continue;
    const label = mine[key]?.label ?? theirs[key]?.label ?? base[key]?.label ?? key;
    const mineShown = mine[key]?.display ?? m;
    const theirsShown = theirs[key]?.display ?? t;
    rows.push({
      key,
      label,
      base: b,
      mine: m,
      theirs: t,
      mineShown,
      theirsShown,
      changedByMe,
      changedByThem,
    });
  }
  return rows;
}
