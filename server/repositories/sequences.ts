import type { Db } from '../db/database';

export function createSequenceRepository(db: Db) {
  const next = db.prepare(
    `INSERT INTO sequences (name, value) VALUES (?, ?)
     ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value`,
  );
  return {
    /** The next id of a named sequence; `start` is its first value. */
    next(name: string, start = 1): number {
      return (next.get(name, start) as { value: number }).value;
    },
  };
}
