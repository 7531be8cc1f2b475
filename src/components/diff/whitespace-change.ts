/**
 * A text that only gains or loses spaces, tabs or line breaks reads the same on both sides of a
 * diff: a value of spaces alone that is emptied shows as a removed line with nothing on it, and a
 * name with a trailing space as "changed" into itself. Said in words, as the line endings and the
 * invisible characters are. Ordinary (ASCII) whitespace only: the other spaces are named by
 * `hiddenCharactersChange`, and CRLF against LF by `lineEndingsChange`.
 */
export const WHITESPACE_ONLY_NOTE =
  'Only whitespace differs: spaces, tabs or line breaks were added or removed, and nothing else changed.';

const isSpace = (code: number) => code === 32 || (code >= 9 && code <= 13);
const withLf = (text: string) => (text.includes('\r\n') ? text.replace(/\r\n/g, '\n') : text);

/**
 * The note for two strings that differ only in their whitespace, else null. A walk over both
 * that skips whitespace: no copy of a long prompt, and it stops at the first other difference.
 */
export function whitespaceOnlyChange(before: unknown, after: unknown): string | null {
  if (typeof before !== 'string' || typeof after !== 'string') return null;
  const a = withLf(before);
  const b = withLf(after);
  if (a === b) return null;
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < a.length && isSpace(a.charCodeAt(i))) i++;
    while (j < b.length && isSpace(b.charCodeAt(j))) j++;
    if (i === a.length || j === b.length)
      return i === a.length && j === b.length ? WHITESPACE_ONLY_NOTE : null;
    if (a.charCodeAt(i) !== b.charCodeAt(j)) return null;
    i++;
    j++;
  }
}
