import { describe, expect, it } from 'vitest';
import { CHANGE, diffLines } from '@/lib/line-diff';
import { warmUpTexts } from './line-diff-warm-up';

describe('warmUpTexts', () => {
  it('makes a pair the diff has real work on: lines changed, added and removed among many equal ones', () => {
    const { before, after } = warmUpTexts(3_000);
    expect(before.split('\n')).toHaveLength(3_000);
    const { runs } = diffLines(before, after);
    let removed = 0;
    let added = 0;
    let changes = 0;
    for (let r = 0; r < runs.length; r += 5) {
      if (runs[r] !== CHANGE) continue;
      changes++;
      removed += runs[r + 2]!;
      added += runs[r + 4]!;
    }
    expect(changes).toBeGreaterThan(100);
    expect(removed).toBeGreaterThan(50);
    expect(added).toBeGreaterThan(50);
  });
});
