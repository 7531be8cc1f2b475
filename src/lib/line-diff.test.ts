import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CHANGE,
  changedLineCount,
  diffLines,
  EQUAL,
  lineAt,
  lineCountOf,
  lineStarts,
  type LineDiff,
} from './line-diff';

const linesOf = (text: string) => {
  const starts = lineStarts(text);
  return Array.from({ length: lineCountOf(starts) }, (_, i) => lineAt(text, starts, i));
};

function runsOf(diff: LineDiff) {
  const out: { kind: 'equal' | 'change'; a: [number, number]; b: [number, number] }[] = [];
  for (let r = 0; r < diff.runs.length; r += 5) {
    out.push({
      kind: diff.runs[r] === EQUAL ? 'equal' : 'change',
      a: [diff.runs[r + 1]!, diff.runs[r + 2]!],
      b: [diff.runs[r + 3]!, diff.runs[r + 4]!],
    });
  }
  return out;
}

/** Rebuilds both texts from the runs: every line of each side is covered once, in order, and equal runs really are equal. */
function check(before: string, after: string) {
  const diff = diffLines(before, after);
  const a = linesOf(before);
  const b = linesOf(after);
  let nextA = 0;
  let nextB = 0;
  for (const run of runsOf(diff)) {
    expect(run.a[0]).toBe(nextA);
    expect(run.b[0]).toBe(nextB);
    if (run.kind === 'equal') {
      expect(run.a[1]).toBe(run.b[1]);
      expect(a.slice(run.a[0], run.a[0] + run.a[1])).toEqual(b.slice(run.b[0], run.b[0] + run.b[1]));
    }
    nextA += run.a[1];
    nextB += run.b[1];
  }
  expect(nextA).toBe(a.length);
  expect(nextB).toBe(b.length);
  return diff;
}

describe('lineStarts', () => {
  it('finds every line, an empty last line included, and none in an empty text', () => {
    expect(linesOf('a\nbb\n')).toEqual(['a', 'bb', '']);
    expect(linesOf('one')).toEqual(['one']);
    expect(linesOf('')).toEqual([]);
  });
});

describe('diffLines', () => {
  it('reports identical texts as one unchanged run', () => {
    const diff = check('a\nb\nc', 'a\nb\nc');
    expect(runsOf(diff)).toEqual([{ kind: 'equal', a: [0, 3], b: [0, 3] }]);
    expect(changedLineCount(diff)).toBe(0);
  });

  it('finds a modified line between unchanged ones', () => {
    const diff = check('intro\nrule one\nrule two\noutro', 'intro\nrule one, revised\nrule two\noutro');
    expect(runsOf(diff)).toEqual([
      { kind: 'equal', a: [0, 1], b: [0, 1] },
      { kind: 'change', a: [1, 1], b: [1, 1] },
      { kind: 'equal', a: [2, 2], b: [2, 2] },
    ]);
  });

  it('finds added and removed lines, and a text that appears or disappears whole', () => {
    expect(runsOf(check('a\nb\nc', 'a\nx\nb\nc'))).toEqual([
      { kind: 'equal', a: [0, 1], b: [0, 1] },
      { kind: 'change', a: [1, 0], b: [1, 1] },
      { kind: 'equal', a: [1, 2], b: [2, 2] },
    ]);
    expect(runsOf(check('a\nb\nc', 'a\nc'))).toEqual([
      { kind: 'equal', a: [0, 1], b: [0, 1] },
      { kind: 'change', a: [1, 1], b: [1, 0] },
      { kind: 'equal', a: [2, 1], b: [1, 1] },
    ]);
    expect(runsOf(check('', 'new\ntext'))).toEqual([{ kind: 'change', a: [0, 0], b: [0, 2] }]);
    expect(runsOf(check('old', ''))).toEqual([{ kind: 'change', a: [0, 1], b: [0, 0] }]);
  });

  it('matches repeated lines (blank lines, table rules) without unique anchors by LCS', () => {
    const diff = check('-\n\n-\n\n-', '-\n\n\n-\n\n-');
    expect(changedLineCount(diff)).toBe(1);
  });

  it('keeps a long prompt with scattered edits to the lines really changed', () => {
    const before = Array.from({ length: 5_000 }, (_, i) => `Rule ${i}: answer from the sources.`);
    const after = [...before];
    after[100] = 'Rule 100: answer from the sources, and name them.';
    after.splice(2_000, 1);
    after.splice(4_000, 0, 'A new rule.', '');
    const diff = check(before.join('\n'), after.join('\n'));
    expect(changedLineCount(diff)).toBe(2 + 1 + 2);
    expect(runsOf(diff).filter((r) => r.kind === 'change')).toHaveLength(3);
  });

  it('covers both texts exactly for any pair of texts', () => {
    const line = fc.constantFrom('', 'a', 'b', 'c', 'Rule 1.', 'Rule 2.', '| --- |');
    const text = fc.array(line, { maxLength: 40 }).map((lines) => lines.join('\n'));
    fc.assert(
      fc.property(text, text, (before, after) => {
        check(before, after);
      }),
    );
  });

  it('never reports more changed lines than a full replacement', () => {
    const text = fc.array(fc.constantFrom('x', 'y', 'z', ''), { maxLength: 30 }).map((l) => l.join('\n'));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const diff = diffLines(before, after);
        expect(changedLineCount(diff)).toBeLessThanOrEqual(
          lineCountOf(diff.beforeStarts) + lineCountOf(diff.afterStarts),
        );
        for (let r = 0; r < diff.runs.length; r += 5) expect([EQUAL, CHANGE]).toContain(diff.runs[r]);
      }),
    );
  });
});
