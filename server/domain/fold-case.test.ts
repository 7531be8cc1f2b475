import { describe, expect, it } from 'vitest';
import { foldCase } from './fold-case';

describe('foldCase', () => {
  it('folds letters of any script, not only A–Z', () => {
    expect(foldCase('Ünïcødé 🤖 エージェント — QA')).toBe('unicøde 🤖 エージェント — qa');
    expect(foldCase('ÅNGSTRÖM Ωμέγα ДОКУМЕНТ')).toBe('angstrom ωμεγα документ');
  });

  it('folds as Unicode full case folding does where lower case alone would not', () => {
    expect(foldCase('Straße')).toBe('strasse');
    expect(foldCase('STRAẞE')).toBe('strasse');
    expect(foldCase('ſ')).toBe('s');
  });

  it('folds a word-final sigma like any other, so a search may stop mid-word', () => {
    expect(foldCase('ΟΔΟΣ')).toBe('οδοσ');
    expect(foldCase('οδος')).toBe('οδοσ');
  });

  it('treats a precomposed letter and a letter with a combining accent alike', () => {
    expect(foldCase('Cafe\u0301')).toBe(foldCase('CAFÉ'));
  });

  it('drops the accents of Latin and Greek letters, keeping the marks that make other letters', () => {
    expect(foldCase('Émile Zoë Ñandú')).toBe('emile zoe nandu');
    expect(foldCase('ΆΈ')).toBe('αε');
    // In Cyrillic й is a letter of its own, not an и with an accent.
    expect(foldCase('ЙОД')).toBe('йод');
    // A Devanagari vowel sign is part of the letter: "कि" is not "क".
    expect(foldCase('किताब')).toBe('किताब');
    expect(foldCase('한국어')).toBe('한국어');
  });
});
