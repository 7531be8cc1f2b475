import { describe, expect, it } from 'vitest';
import { WHITESPACE_ONLY_NOTE, whitespaceOnlyChange } from './whitespace-change';

describe('whitespaceOnlyChange', () => {
  it('says so when a value of spaces alone is emptied, or a text gains or loses whitespace', () => {
    expect(whitespaceOnlyChange('   ', '')).toBe(WHITESPACE_ONLY_NOTE);
    expect(whitespaceOnlyChange('Billing bot', 'Billing bot ')).toBe(WHITESPACE_ONLY_NOTE);
    expect(whitespaceOnlyChange('One.\nTwo.', 'One.\n\n\tTwo.\n')).toBe(WHITESPACE_ONLY_NOTE);
  });

  it('says nothing when other characters change, or when only the line endings do', () => {
    expect(whitespaceOnlyChange('Be brief.', 'Be short.')).toBeNull();
    expect(whitespaceOnlyChange('abc', '')).toBeNull();
    expect(whitespaceOnlyChange('ab ', 'abc')).toBeNull();
    expect(whitespaceOnlyChange('One.\r\nTwo.', 'One.\nTwo.')).toBeNull();
    expect(whitespaceOnlyChange('same', 'same')).toBeNull();
  });

  it('leaves the other spaces and non-texts to the other notes', () => {
    expect(whitespaceOnlyChange('a b', 'a\u00a0b')).toBeNull();
    expect(whitespaceOnlyChange(null, '  ')).toBeNull();
    expect(whitespaceOnlyChange(['a'], ['a '])).toBeNull();
  });
});
