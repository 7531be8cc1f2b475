import { describe, expect, it } from 'vitest';
import { mergeLines } from './merge-lines';

const text = (...lines: string[]) => lines.join('\n');
const base = text(
  '# Role',
  'You answer benefits questions.',
  '',
  '# Rules',
  'Cite the plan.',
  'Be brief.',
  '',
);

describe('mergeLines', () => {
  it('keeps both people’s edits of different lines', () => {
    const mine = base.replace('Be brief.', 'Be brief and kind.');
    const theirs = base.replace(
      'You answer benefits questions.',
      'You answer benefits and claims questions.',
    );
    expect(mergeLines(base, mine, theirs)).toBe(
      text(
        '# Role',
        'You answer benefits and claims questions.',
        '',
        '# Rules',
        'Cite the plan.',
        'Be brief and kind.',
        '',
      ),
    );
  });

  it('keeps lines one added and lines the other removed', () => {
    const mine = base.replace('# Rules', '# Rules\nNever guess.');
    const theirs = base.replace('# Role\n', '');
    expect(mergeLines(base, mine, theirs)).toBe(
      text(
        'You answer benefits questions.',
        '',
        '# Rules',
        'Never guess.',
        'Cite the plan.',
        'Be brief.',
        '',
      ),
    );
  });

  it('gives up when both edited the same line or lines next to each other', () => {
    expect(
      mergeLines(base, base.replace('Be brief.', 'Be short.'), base.replace('Be brief.', 'Be concise.')),
    ).toBeNull();
    expect(
      mergeLines(
        base,
        base.replace('Cite the plan.', 'Cite the plan document.'),
        base.replace('Be brief.', 'Be short.'),
      ),
    ).toBeNull();
  });

  it('counts the same edit by both once', () => {
    const both = base.replace('Be brief.', 'Be short.');
    expect(mergeLines(base, both, both)).toBe(both);
  });

  it('keeps Windows line breaks as they are', () => {
    const crlf = base.replace(/\n/g, '\r\n');
    const mine = crlf.replace('Be brief.', 'Be brief and kind.');
    const theirs = crlf.replace('# Role', '# Who you are');
    expect(mergeLines(crlf, mine, theirs)).toBe(
      crlf.replace('Be brief.', 'Be brief and kind.').replace('# Role', '# Who you are'),
    );
  });
});
