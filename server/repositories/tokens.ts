import type { Db } from '../db/database';

export type TokenKind = 'platform' | 'auth';

export function createTokenRepository(db: Db) {
  const insert = db.prepare('INSERT INTO tokens (token, kind, user_id, expires_at) VALUES (?, ?, ?, ?)');
  const find = db.prepare(
    'SELECT user_id, expires_at FROM tokens WHERE token = ? AND kind = ? AND expires_at > ?',
  );
  const purge = db.prepare('DELETE FROM tokens WHERE expires_at <= ?');
  return {
    insert(token: string, kind: TokenKind, userId: number, expiresAt: number): void {
      insert.run(token, kind, userId, expiresAt);
    },
    /** The user id of a live token of that kind, and when the token lapses. */
    findLive(token: string, kind: TokenKind, now: number): { userId: number; expiresAt: number } | undefined {
      const row = find.get(token, kind, now) as { user_id: number; expires_at: number } | undefined;
      return row && { userId: row.user_id, expiresAt: row.expires_at };
    },
    purgeExpired(now: number): void {
      purge.run(now);
    },
  };
}
export type TokenRepository = ReturnType<typeof createTokenRepository>;
