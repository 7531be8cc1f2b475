import Database from 'better-sqlite3';
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

/**
 * Whether another connection has the database open (a running console): such a connection holds
 * a lock that an exclusive transaction cannot get past. Deleting the files under it would leave
 * that console writing to a file no one will open again.
 */
export function isDatabaseInUse(file: string): boolean {
  if (file === ':memory:' || !existsSync(file)) return false;
  const probe = new Database(file, { fileMustExist: true, timeout: 0 });
  try {
    probe.pragma('locking_mode = EXCLUSIVE');
    probe.exec('BEGIN EXCLUSIVE');
    probe.exec('COMMIT');
    return false;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    // Locked (SQLITE_BUSY, or one of its extended codes): a console has it. A file that is not a
    // database, or a damaged one, is no one's: the reset is what it needs.
    if (typeof code === 'string' && code.startsWith('SQLITE_BUSY')) return true;
    if (typeof code === 'string' && (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')))
      return false;
    throw error;
  } finally {
    probe.close();
  }
}
