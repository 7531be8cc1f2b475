/**
 * Text folded for case-insensitive search in any script: SQLite's LIKE and NOCASE fold only
 * A–Z, so searches compare `foldCase` of both sides instead (the database has it as the SQL
 * function `casefold`, see `server/db/search.ts`).
 *
 * Lower, upper, then lower case again comes close to Unicode's full case folding: ß, ẞ and SS
 * all fold to ss, ſ to s, Ü to ü (upper then lower alone leaves ẞ as ß). Lower-casing turns a
 * word-final Σ into ς, so a search that stops mid-word would miss the σ stored there: every
 * sigma folds to σ. NFC first, so é typed as one code point finds é stored as e plus an accent.
 */
export function foldCase(text: string): string {
  return text.normalize('NFC').toLowerCase().toUpperCase().toLowerCase().replaceAll('ς', 'σ');
}
