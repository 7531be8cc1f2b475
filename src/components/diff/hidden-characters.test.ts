import { describe, expect, it } from 'vitest';
import { hiddenCharactersChange } from './hidden-characters';

const change = (before: unknown, after: unknown) => hiddenCharactersChange(before, after, 'Live', 'Staging');

describe('hiddenCharactersChange', () => {
  it('counts each kind of character on both sides, named with its code point', () => {
    expect(change('a\u00a0b\u00a0c', 'a\u00a0b c\u200b')).toBe(
      'Invisible characters differ (the diff cannot show them): no-break space (U+00A0), 2 in Live and 1 in Staging; zero-width space (U+200B), none in Live and 1 in Staging.',
    );
  });

  it('finds them inside structured values, such as tags and action configurations', () => {
    expect(change(['hr'], ['hr', 'h\u2009r'])).toBe(
      'Invisible characters differ (the diff cannot show them): space (U+2009), none in Live and 1 in Staging.',
    );
    expect(change({ q: 'x' }, { q: '\u202ex' })).toMatch(
      /^Invisible characters differ \(the diff cannot show them\): text-direction control \(U\+202E\)/,
    );
  });

  it('says nothing when the sides hold the same ones, or when emoji joiners change', () => {
    expect(change('Be\u00a0brief.', 'Be\u00a0short.')).toBeNull();
    expect(change('plain', null)).toBeNull();
    expect(change('👩', '👩\u200d💻')).toBeNull();
  });

  it('lists four kinds at most', () => {
    expect(change('', '\u00a0\u00ad\u200b\u200c\u200e\u2060')).toMatch(/; and 2 more\.$/);
  });

  it('says when the same ones moved, which the diff marks as a change it cannot show', () => {
    expect(change('a\u00a0b c', 'a b\u00a0c')).toBe(
      'Invisible characters moved: no-break space (U+00A0), as many in Live as in Staging but in other places.',
    );
    // Elsewhere in the text, but after the same visible characters: no move.
    expect(change('Be\u00a0brief. Now.', 'Be\u00a0brief. Later.')).toBeNull();
  });

  it('finds each of them, and nothing else, between U+00A0 and U+FFFF', () => {
    const hidden: number[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      if (change('', String.fromCharCode(code))) hidden.push(code);
    }
    const expected = [
      0xa0,
      0xad,
      0x61c,
      0x180e,
      ...range(0x2000, 0x200c),
      0x200e,
      0x200f,
      0x2028,
      0x2029,
      ...range(0x202a, 0x202f),
      ...range(0x205f, 0x2064),
      ...range(0x2066, 0x2069),
      0x3000,
      0xfeff,
    ];
    expect(hidden).toEqual(expected);
  });
});

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
