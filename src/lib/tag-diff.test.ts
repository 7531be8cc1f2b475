import { describe, expect, it } from 'vitest';
import {
  applyTagDiff,
  diffTags,
  effectiveTagDiff,
  isEmptyTagDiff,
  mergeTags,
  normalizeTags,
} from './tag-diff';

describe('tag diff', () => {
  it('sends the tags added and the tags removed, nothing else', () => {
    expect(diffTags(['hr', 'beta'], ['hr', 'policies'])).toEqual({ add: ['policies'], remove: ['beta'] });
  });

  it('ignores order, surrounding spaces and repeats', () => {
    const d = diffTags(['a', 'b'], [' b ', 'a', 'a']);
    expect(isEmptyTagDiff(d)).toBe(true);
    expect(normalizeTags([' x', 'x', '', 'y '])).toEqual(['x', 'y']);
  });

  it('applies a diff the way the server does', () => {
    expect(applyTagDiff(['a', 'b'], { add: ['c', 'a'], remove: ['b'] })).toEqual(['a', 'c']);
  });

  it('drops parts of a diff that the server already holds', () => {
    expect(effectiveTagDiff(['a', 'c'], { add: ['c', 'd'], remove: ['a', 'b'] })).toEqual({
      add: ['d'],
      remove: ['a'],
    });
  });

  it('holds one tag per spelling in any case, spaces made one, as the server does', () => {
    expect(normalizeTags(['Travel', 'travel', '  spaced   tag ', 'SPACED TAG'])).toEqual([
      'Travel',
      'spaced tag',
    ]);
    expect(applyTagDiff(['HR'], { add: ['hr', 'Hr'], remove: [] })).toEqual(['HR']);
    expect(effectiveTagDiff(['HR'], { add: ['hr'], remove: [] })).toEqual({ add: [], remove: [] });
  });

  it('keeps a change of case alone: the tag is removed and added again', () => {
    const rename = diffTags(['HR', 'beta'], ['hr', 'beta']);
    expect(rename).toEqual({ add: ['hr'], remove: ['HR'] });
    expect(effectiveTagDiff(['HR', 'beta'], rename)).toEqual(rename);
    expect(applyTagDiff(['HR', 'beta'], rename)).toEqual(['beta', 'hr']);
  });

  it('merges: my additions and removals on top of their tags', () => {
    expect(mergeTags(['a', 'b'], ['a', 'mine'], ['a', 'b', 'theirs'])).toEqual(['a', 'theirs', 'mine']);
  });
});
