import { describe, expect, it } from 'vitest';
import { versionPageOrder } from './version-pages';

describe('versionPageOrder', () => {
  it('finds the newest version on the first page', () => {
    expect(versionPageOrder(300, 300, 100)).toEqual([1]);
  });

  it('puts a contiguous version on the page its position gives', () => {
    // Version 201 is the 100th record from the newest (index 99): still page 1.
    expect(versionPageOrder(300, 201, 100)[0]).toBe(1);
    // Version 200 is index 100: page 2.
    expect(versionPageOrder(300, 200, 100)[0]).toBe(2);
    expect(versionPageOrder(300, 1, 100)[0]).toBe(3);
  });

  it('walks back towards the newest pages when versions have gaps', () => {
    expect(versionPageOrder(300, 1, 100)).toEqual([3, 2, 1]);
  });

  it('gives up after a few pages', () => {
    expect(versionPageOrder(10_000, 1, 10, 4)).toEqual([1000, 999, 998, 997]);
  });

  it('has nothing to search for a version that cannot exist', () => {
    expect(versionPageOrder(12, 13, 100)).toEqual([]);
    expect(versionPageOrder(12, 0, 100)).toEqual([]);
    expect(versionPageOrder(12, 2.5, 100)).toEqual([]);
    expect(versionPageOrder(0, 1, 100)).toEqual([]);
  });
});
