import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { seedDemo } from '../seed/demo';
import { isEmpty, openDatabase, type Db } from './database';

export function defaultDatabasePath(): string {
  const configured = process.env.SANDBOX_DB ?? './data/sandbox.db';
  // `:memory:` is SQLite's name for a throwaway database, not a file name to resolve.
  return configured === ':memory:' ? configured : resolve(configured);
}

/** Opens the sandbox database, seeding the demo on first start; kept across restarts. */
export function openSandboxDatabase(file: string): { db: Db; seeded: boolean } {
  const db = openDatabase(file);
  if (!isEmpty(db)) return { db, seeded: false };
  seedDemo(db);
  return { db, seeded: true };
}

export function deleteDatabaseFiles(file: string): void {
  if (file === ':memory:') return;
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    if (existsSync(file + suffix)) rmSync(file + suffix);
  }
}
