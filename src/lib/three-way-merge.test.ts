import { describe, expect, it } from 'vitest';
import { mergeThreeWay, threeWayRows } from './three-way-merge';

describe('mergeThreeWay', () => {
  const base = { name: 'Helper', description: 'Old', caching: false };

  it('keeps their change to a field the user did not touch', () => {
    const mine = { ...base, name: 'Mine' };
    const theirs = { ...base, description: 'Theirs' };
    expect(mergeThreeWay(base, mine, theirs)).toEqual({
      name: 'Mine',
      description: 'Theirs',
      caching: false,
    });
  });

  it('lets the user win where both changed the same field', () => {
    const mine = { ...base, name: 'Mine' };
    const theirs = { ...base, name: 'Theirs' };
    expect(mergeThreeWay(base, mine, theirs).name).toBe('Mine');
  });

  it('merges records keyed by id: additions and removals on either side survive', () => {
    const b = { '1': { on: true }, '2': { on: true } };
    const mine = { '1': { on: false }, '2': { on: true }, '3': { on: true } };
    const theirs = { '1': { on: true } };
    expect(mergeThreeWay<Record<string, { on: boolean }>>(b, mine, theirs)).toEqual({
      '1': { on: false },
      '3': { on: true },
    });
  });

  it('returns theirs unchanged when the user changed nothing', () => {
    const theirs = { ...base, caching: true };
    expect(mergeThreeWay(base, base, theirs)).toBe(theirs);
  });

  it('treats arrays as one value', () => {
    expect(mergeThreeWay({ list: [1] }, { list: [1, 2] }, { list: [0] })).toEqual({ list: [1, 2] });
  });
});

describe('threeWayRows', () => {
  const f = (label: string, value: unknown) => ({ label, value });

  it('lists the lines either side changed, saying who changed them', () => {
    const rows = threeWayRows(
      { a: f('Name', 'x'), b: f('Description', 'd'), c: f('Caching', false) },
      { a: f('Name', 'mine'), b: f('Description', 'd'), c: f('Caching', false) },
      { a: f('Name', 'theirs'), b: f('Description', 'new'), c: f('Caching', false) },
    );
    expect(rows.map((r) => [r.key, r.changedByMe, r.changedByThem])).toEqual([
      ['a', true, true],
      ['b', false, true],
    ]);
    expect(rows[0]).toMatchObject({ mine: 'mine', theirs: 'theirs', base: 'x' });
  });

  it('reports an item that exists on one side only', () => {
    const rows = threeWayRows({}, { n: f('Instruction 3', 'new text') }, {});
    expect(rows).toEqual([
      expect.objectContaining({
        key: 'n',
        label: 'Instruction 3',
        changedByMe: true,
        changedByThem: false,
        theirs: undefined,
      }),
    ]);
  });
});
