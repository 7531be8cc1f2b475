import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './database';
import { isDatabaseInUse } from './sandbox';

const dirs: string[] = [];
const freshFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'sandbox-db-'));
  dirs.push(dir);
  return join(dir, 'sandbox.db');
};
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('isDatabaseInUse', () => {
  it('is true while a console has the database open, and false once it has closed it', () => {
    const file = freshFile();
    const db = openDatabase(file);
    db.prepare('SELECT COUNT(*) FROM sqlite_master').get();
    expect(isDatabaseInUse(file)).toBe(true);
    db.close();
    expect(isDatabaseInUse(file)).toBe(false);
    // The probe itself leaves the database usable.
    const again = openDatabase(file);
    expect(again.prepare('SELECT 1 AS one').get()).toEqual({ one: 1 });
    again.close();
  });

  it('is false for a file that is not a database, which the reset then replaces', () => {
    const file = freshFile();
    writeFileSync(file, 'not a database, just some bytes '.repeat(200));
    expect(isDatabaseInUse(file)).toBe(false);
  });

  it('is false for a database that does not exist yet, or one in memory', () => {
    expect(isDatabaseInUse(freshFile())).toBe(false);
    expect(isDatabaseInUse(':memory:')).toBe(false);
  });
});
