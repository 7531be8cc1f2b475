import { describe, expect, it } from 'vitest';
import { keepLineBreaks, withLfBreaks } from './line-breaks';

describe('keepLineBreaks', () => {
  it('gives an edited text the CRLF line breaks its original had throughout', () => {
    expect(keepLineBreaks('One\r\nTwo\r\nThree', 'One\nTwo\nThree END\nFour')).toBe(
      'One\r\nTwo\r\nThree END\r\nFour',
    );
  });

  it('sends any other text as edited: LF, mixed, or no line break at all', () => {
    expect(keepLineBreaks('One\nTwo', 'One\nTwo!')).toBe('One\nTwo!');
    expect(keepLineBreaks('One\r\nTwo\nThree', 'One\nTwo\nThree!')).toBe('One\nTwo\nThree!');
    expect(keepLineBreaks('\nOne\r\nTwo', 'One\nTwo')).toBe('One\nTwo');
    expect(keepLineBreaks('One line', 'One\nTwo')).toBe('One\nTwo');
  });
});

describe('withLfBreaks', () => {
  it('reads CRLF as LF in every string of a value, leaving the rest as it is', () => {
    expect(withLfBreaks({ a: 'x\r\ny', b: ['p\r\nq', 3, null], c: { d: true, e: 'plain' } })).toEqual({
      a: 'x\ny',
      b: ['p\nq', 3, null],
      c: { d: true, e: 'plain' },
    });
  });
});
