/**
 * Text folded for case-insensitive search in any script: SQLite's LIKE and NOCASE fold only
 * A–Z, so searches compare `foldCase` of both sides instead (the database has it as the SQL
 * function `casefold`, see `server/db/search.ts`).
 *
 * Lower, upper, then lower case again comes close to Unicode's full case folding: ß, ẞ and SS
 * all fold to ss, ſ to s, Ü to ü (upper then lower alone leaves ẞ as ß). Lower-casing turns a
 * word-final Σ into ς, so a search that stops mid-word would miss the σ stored there: every
 * sigma folds to σ. Accents go (see below), so é typed as one code point, e plus an accent, or
 * plain e all find one another.
 */
export function foldCase(text: string): string {
  return text
    .normalize('NFD')
    .replace(ACCENTED, '$1')
    .normalize('NFC')
    .toLowerCase()
    .toUpperCase()
    .toLowerCase()
    .replaceAll('ς', 'σ');
}

/**
 * A Latin or Greek letter and the accents on it (U+0300–U+036F, once decomposed): "emile" finds
 * "Émile", as people type without them. Only there: in Cyrillic the same marks make other letters
 * (й is not и), and in other scripts marks are part of the letter (Devanagari's vowel signs).
 */
const ACCENTED = /([A-Za-z\u0370-\u03ff])[\u0300-\u036f]+/g;
