import type { Db } from '../db/database';

export type TokenKind = 'platform' | 'auth';

export function createTokenRepository(db: Db) {
  const insert = db.prepare('INSERT INTO tokens (token, kind, user_id, expires_at) VALUES (?, ?, ?, ?)');
  const find = db.prepare('SELECT user_id FROM tokens WHERE token = ? AND kind = ? AND expires_at > ?');
  const purge = db.prepare('DELETE FROM tokens WHERE expires_at <= ?');
  return {
    insert(token: string, kind: TokenKind, userId: number, expiresAt: number): void {
      insert.run(token, kind, userId, expiresAt);
    },
    /** The user id of a live token of that kind. */
    findUserId(token: string, kind: TokenKind, now: number): number | undefined {
      const row = find.get(token, kind, now) as { user_id: number } | undefined;
      return row?.user_id;
    },
    purgeExpired(now: number): void {
      purge.run(now);
    },
  };
}
export type TokenRepository = ReturnType<typeof createTokenRepository>;
