import { describe, expect, it } from 'vitest';
import { hiddenCharactersChange } from './hidden-characters';

const change = (before: unknown, after: unknown) => hiddenCharactersChange(before, after, 'Live', 'Staging');

describe('hiddenCharactersChange', () => {
  it('counts each kind of character on both sides, named with its code point', () => {
    expect(change('a\u00a0b\u00a0c', 'a\u00a0b c\u200b')).toBe(
      'Characters the diff cannot show differ: no-break space (U+00A0), 2 in Live and 1 in Staging; zero-width space (U+200B), none in Live and 1 in Staging.',
    );
  });

  it('finds them inside structured values, such as tags and action configurations', () => {
    expect(change(['hr'], ['hr', 'h\u2009r'])).toBe(
      'Characters the diff cannot show differ: space (U+2009), none in Live and 1 in Staging.',
    );
    expect(change({ q: 'x' }, { q: '\u202ex' })).toMatch(
      /^Characters the diff cannot show differ: text-direction control \(U\+202E\)/,
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
});
