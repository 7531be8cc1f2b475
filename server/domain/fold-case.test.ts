import { describe, expect, it } from 'vitest';
import { foldCase } from './fold-case';

describe('foldCase', () => {
  it('folds letters of any script, not only A–Z', () => {
    expect(foldCase('Ünïcødé 🤖 エージェント — QA')).toBe('ünïcødé 🤖 エージェント — qa');
    expect(foldCase('ÅNGSTRÖM Ωμέγα ДОКУМЕНТ')).toBe('ångström ωμέγα документ');
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
});
