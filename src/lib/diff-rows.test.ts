import { describe, expect, it } from 'vitest';
import { diffRows } from './diff-rows';
import { diffLines } from './line-diff';

const numbered = (n: number) => Array.from({ length: n }, (_, i) => `line ${i + 1}`);

describe('diffRows', () => {
  const before = numbered(20);
  const after = [...before];
  after[9] = 'line 10, changed';
  const diff = diffLines(before.join('\n'), after.join('\n'));

  it('shows the change with three lines of context and folds the unchanged stretches around it', () => {
    const rows = diffRows(diff, { split: true, context: 3, expanded: new Set() });
    expect(rows.map((r) => r.kind)).toEqual([
      'fold',
      'equal',
      'equal',
      'equal',
      'modified',
      'equal',
      'equal',
      'equal',
      'fold',
    ]);
    expect(rows[0]).toMatchObject({ hidden: 6, before: 0, after: 0 });
    expect(rows[4]).toMatchObject({ before: 9, after: 9 });
    expect(rows[8]).toMatchObject({ hidden: 7, before: 13 });
  });

  it('shows every line of a fold once it is expanded', () => {
    const folded = diffRows(diff, { split: true, context: 3, expanded: new Set() });
    const first = folded[0]!.foldId;
    const rows = diffRows(diff, { split: true, context: 3, expanded: new Set([first]) });
    expect(rows.slice(0, 10).map((r) => r.kind)).toEqual([...Array<string>(9).fill('equal'), 'modified']);
  });

  it('lists removed lines before added ones in unified mode, each knowing its counterpart', () => {
    const rows = diffRows(diffLines('a\nold 1\nold 2\nz', 'a\nnew 1\nz'), {
      split: false,
      context: 3,
      expanded: new Set(),
    });
    expect(rows.map((r) => [r.kind, r.before, r.after, r.partner])).toEqual([
      ['equal', 0, 0, -1],
      ['removed', 1, -1, 1],
      ['removed', 2, -1, -1],
      ['added', -1, 1, 1],
      ['equal', 3, 2, -1],
    ]);
  });

  it('pairs replaced lines side by side in split mode, the extra ones alone', () => {
    const rows = diffRows(diffLines('a\nold 1\nold 2\nz', 'a\nnew 1\nz'), {
      split: true,
      context: 3,
      expanded: new Set(),
    });
    expect(rows.map((r) => [r.kind, r.before, r.after])).toEqual([
      ['equal', 0, 0],
      ['modified', 1, 1],
      ['removed', 2, -1],
      ['equal', 3, 2],
    ]);
  });
});
