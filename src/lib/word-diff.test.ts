import { describe, expect, it } from 'vitest';
import { wordDiff } from './word-diff';

const text = (segments: { text: string }[]) => segments.map((s) => s.text).join('');
const changed = (segments: { text: string; changed: boolean }[]) =>
  segments.filter((s) => s.changed).map((s) => s.text);

describe('wordDiff', () => {
  it('marks only the words that changed, on each side', () => {
    const diff = wordDiff(
      'Use plain English at an eighth-grade level.',
      'Use plain English at a sixth-grade level.',
    );
    expect(changed(diff.before)).toEqual(['an eighth']);
    expect(changed(diff.after)).toEqual(['a sixth']);
  });

  it('gives back each side exactly, whitespace and punctuation included', () => {
    const before = 'Deadline:  30 days.\tThen appeal.';
    const after = 'Deadline: 60 days. Then appeal!';
    const diff = wordDiff(before, after);
    expect(text(diff.before)).toBe(before);
    expect(text(diff.after)).toBe(after);
  });

  it('marks a line too long to compare word by word as changed whole', () => {
    const before = 'word '.repeat(2_000);
    const after = 'other '.repeat(2_000);
    const diff = wordDiff(before, after);
    expect(diff.before).toEqual([{ text: before, changed: true }]);
    expect(diff.after).toEqual([{ text: after, changed: true }]);
  });
});
