import { describe, expect, it } from 'vitest';
import { isLongDiff, VIRTUALISE_OVER_LINES } from './long-text';

const lines = (n: number) => Array.from({ length: n }, (_, i) => `line ${i}`).join('\n');

describe('isLongDiff', () => {
  it('is true once either side has more lines than a plain diff renders', () => {
    expect(isLongDiff(lines(VIRTUALISE_OVER_LINES), lines(VIRTUALISE_OVER_LINES))).toBe(false);
    expect(isLongDiff(lines(3), lines(VIRTUALISE_OVER_LINES + 1))).toBe(true);
    expect(isLongDiff(lines(100_000), '')).toBe(true);
  });

  it('is true for a short text with a line too long for the plain viewer to highlight words in', () => {
    const paragraph = 'word '.repeat(101);
    expect(isLongDiff(`a\n${paragraph}\nb`, 'a\nb')).toBe(true);
    expect(isLongDiff('a\nb', paragraph)).toBe(true);
    expect(isLongDiff('word '.repeat(100), 'a')).toBe(false);
  });
});
