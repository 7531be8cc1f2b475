import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { registerCasefold, registerNameOrder } from './search';
import { MIGRATIONS } from './schema';

export type Db = Database.Database;

/** Opens (creating if needed) and migrates a database; `:memory:` for tests. */
export function openDatabase(file: string): Db {
  const inMemory = file === ':memory:';
  if (!inMemory) mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  if (!inMemory) {
    // WAL lets readers go on while a publish writes; NORMAL is durable enough for a sandbox.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  }
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  registerCasefold(db);
  registerNameOrder(db);
  migrate(db);
  return db;
}

export function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let i = current; i < MIGRATIONS.length; i++) {
    const step = MIGRATIONS[i];
    if (step === undefined) continue;
    db.transaction(() => {
      if (typeof step === 'string') db.exec(step);
      else step(db);
      db.pragma(`user_version = ${i + 1}`);
    })();
  }
}

/** Whether the catalogue tables hold anything: a fresh database gets the demo seed. */
export function isEmpty(db: Db): boolean {
  const row = db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number };
  return row.n === 0;
}
