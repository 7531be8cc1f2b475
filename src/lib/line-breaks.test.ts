import { describe, expect, it } from 'vitest';
import { keepLineBreaks, lineEndingsChange, lineEndingsOf, withLfBreaks } from './line-breaks';

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

describe('line endings in a diff', () => {
  it('tells how a text ends its lines', () => {
    expect(lineEndingsOf('One\r\nTwo\r\n')).toBe('crlf');
    expect(lineEndingsOf('One\nTwo')).toBe('lf');
    expect(lineEndingsOf('\nTwo')).toBe('lf');
    expect(lineEndingsOf('One\r\nTwo\nThree')).toBe('mixed');
    expect(lineEndingsOf('One line')).toBe('none');
  });

  it('says when only the line breaks differ, and when they differ besides other changes', () => {
    expect(lineEndingsChange('A\r\nB', 'A\nB', 'Production', 'Staging')).toBe(
      'Only the line breaks differ: Windows line breaks (CRLF) in Production, Unix line breaks (LF) in Staging.',
    );
    expect(lineEndingsChange('A\nB', 'A\r\nC\nD', 'Production', 'Staging')).toBe(
      'The line breaks differ too: Unix line breaks (LF) in Production, mixed line breaks (CRLF and LF) in Staging.',
    );
  });

  it('tells line breaks alone from a change of the same length', () => {
    expect(lineEndingsChange('One\r\nTwo\r\n', 'One\nTwo\n', 'P', 'S')).toMatch(
      /^Only the line breaks differ/,
    );
    expect(lineEndingsChange('One\r\nTwo', 'One\nTwx', 'P', 'S')).toMatch(/^The line breaks differ too/);
    expect(lineEndingsChange('One\r\nTwo', 'OneX\nTwo', 'P', 'S')).toMatch(/^The line breaks differ too/);
    expect(lineEndingsChange('A\r\nB\r\nC', 'A\nB\rC', 'P', 'S')).toMatch(/^The line breaks differ too/);
  });

  it('says nothing when the line breaks are alike, or one side has none', () => {
    expect(lineEndingsChange('A\r\nB', 'A\r\nC', 'P', 'S')).toBeNull();
    expect(lineEndingsChange('A\nB', 'A\nC', 'P', 'S')).toBeNull();
    expect(lineEndingsChange('A', 'A\r\nB', 'P', 'S')).toBeNull();
  });
});
