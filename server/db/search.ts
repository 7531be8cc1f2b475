import type Database from 'better-sqlite3';
import { foldCase } from '../domain/fold-case';

/**
 * `casefold(text)`: `foldCase` as an SQL function, for searches in any script (SQLite's LIKE,
 * NOCASE and lower() fold only A–Z). Deterministic: same text, same result.
 */
export function registerCasefold(db: Database.Database): void {
  db.function('casefold', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? foldCase(text) : text,
  );
}

/**
 * How names sort as people read them: folded as `casefold` does, each run of digits compared by
 * its number ("Agent 2" before "Agent 10", where text order puts "10" first).
 */
export const nameOrderKey = (text: string): string =>
  foldCase(text).replace(/\d+/g, (digits) => {
    const n = digits.replace(/^0+(?=\d)/, '');
    // The length first, two digits wide, then the number: longer numbers are larger.
    return `${String(n.length).padStart(2, '0')}${n}`;
  });

/** `name_order(text)`: `nameOrderKey` as an SQL function, for `ORDER BY`. */
export function registerNameOrder(db: Database.Database): void {
  db.function('name_order', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? nameOrderKey(text) : text,
  );
}

/**
 * SQL: whether `column` contains the search bound by `searchParams(name, …)`, in any case and
 * any script. A call into JavaScript costs more than LIKE's whole comparison, so ASCII text (as
 * many characters as bytes), where LIKE's A–Z folding is exact, stays with LIKE and only text
 * with other characters goes through `casefold`: searching 10,000 publish notes costs about 1.3×
 * what LIKE alone did, where calling `casefold` on every row cost 3×.
 */
export const containsSql = (column: string, name: string): string =>
  `(CASE WHEN length(${column}) = octet_length(${column}) THEN ${column} LIKE @${name}_like ESCAPE '\\'
    ELSE instr(casefold(${column}), @${name}) > 0 END)`;

/** What `containsSql` binds: the folded search, and the same as a LIKE pattern in which % and _ are literal. */
export function searchParams(name: string, text: string): Record<string, string> {
  const folded = foldCase(text);
  const pattern = `%${folded.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  return { [name]: folded, [`${name}_like`]: pattern };
}
