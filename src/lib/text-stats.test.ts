import { describe, expect, it } from 'vitest';
import { countLines, describeTextSize } from './text-stats';

describe('text stats', () => {
  it('counts lines the way an editor shows them', () => {
    expect(countLines('')).toBe(0);
    expect(countLines('one')).toBe(1);
    expect(countLines('one\ntwo')).toBe(2);
    expect(countLines('one\n')).toBe(2);
  });

  it('counts a 200,000-character prompt', () => {
    expect(countLines('abcd\n'.repeat(40_000))).toBe(40_001);
  });

  it('stops at a bound when asked, and counts short texts in full', () => {
    expect(countLines('abcd\n'.repeat(40_000), 401)).toBe(401);
    expect(countLines('one\ntwo\nthree', 401)).toBe(3);
    expect(countLines('one\ntwo\nthree', 2)).toBe(2);
  });

  it('reads as a short sentence with grouped digits and singulars', () => {
    expect(describeTextSize(12_345, 210)).toBe('12,345 characters · 210 lines');
    expect(describeTextSize(1, 1)).toBe('1 character · 1 line');
  });
});
