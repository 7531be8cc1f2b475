import type { Diff } from '@/api/adapter';
import { classifyChange, toDiffText } from '@/lib/format-value';
import { lineDiffOf } from './line-diff-client';
import { isLongDiff } from './long-text';

/** Diffs already handed over: the tab's hover, its focus and the loader each bring the same one. */
const prepared = new WeakSet<Diff>();

/**
 * Starts, in the worker, the line diff of every long text in `diff`, as soon as the data is
 * there: the screen then renders while the worker computes, and its text diffs find the result
 * (TextDiff asks for the same pairs) instead of starting it only once they mount.
 */
export function prepareTextDiffs(diff: Diff): void {
  if (prepared.has(diff)) return;
  prepared.add(diff);
  for (const section of diff.sections) {
    for (const change of section.changes) {
      const kind = classifyChange(change.path, change.before, change.after);
      if (kind !== 'text' && kind !== 'json') continue;
      const before = toDiffText(kind, change.before);
      const after = toDiffText(kind, change.after);
      if (isLongDiff(before, after)) void lineDiffOf(before, after);
    }
  }
}
