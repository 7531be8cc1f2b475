import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { TokenPair } from '../../contract';
import { AuthServiceError } from '../http/api-error';
import type { UserRecord } from '../repositories/users';
import type { ServiceContext } from './context';

const newToken = () => randomBytes(32).toString('base64url');

/** How many platform tokens `authenticate` remembers (a few hundred bytes each). */
const KNOWN_TOKENS = 10_000;

function samePassword(given: string, stored: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(stored);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function createAuthService(ctx: ServiceContext) {
  const { tokens, users } = ctx.repos;
  /**
   * Platform tokens already looked up, with their user, until the token lapses. Nothing changes
   * a token or a user in place (a token is inserted, and deleted once expired; users are seeded),
   * so a remembered token needs neither of the two queries that cost a cached read a tenth of
   * its time. The oldest go first past `KNOWN_TOKENS`.
   */
  const known = new Map<string, { user: UserRecord; expiresAt: number }>();

  function issue(user: UserRecord): TokenPair {
    const now = ctx.config.clock();
    tokens.purgeExpired(now);
    const pair: TokenPair = {
      access_token: newToken(),
      ejento_access_token: newToken(),
      token_type: 'bearer',
      expires_in: Math.round(ctx.config.accessTokenTtlSeconds),
    };
    tokens.insert(pair.access_token, 'auth', user.id, now + ctx.config.refreshTokenTtlSeconds * 1000);
    tokens.insert(
      pair.ejento_access_token,
      'platform',
      user.id,
      now + ctx.config.accessTokenTtlSeconds * 1000,
    );
    return pair;
  }

  return {
    login(username: string, password: string): TokenPair {
      const found = users.findCredentials(username.trim());
      if (!found || !samePassword(password, found.password)) {
        throw new AuthServiceError(401, 'Incorrect email or password');
      }
      return issue(found.user);
    },
    refresh(authToken: string | undefined): TokenPair {
      const live =
        authToken === undefined ? undefined : tokens.findLive(authToken, 'auth', ctx.config.clock());
      const user = live && users.findById(live.userId);
      if (!user) throw new AuthServiceError(401, 'Could not validate credentials: sign in again');
      return issue(user);
    },
    /** The user behind a live platform token. */
    authenticate(platformToken: string | undefined): UserRecord | undefined {
      if (platformToken === undefined) return undefined;
      const now = ctx.config.clock();
      const remembered = known.get(platformToken);
      if (remembered) {
        if (remembered.expiresAt > now) return remembered.user;
        known.delete(platformToken);
      }
      const live = tokens.findLive(platformToken, 'platform', now);
      const user = live && users.findById(live.userId);
      if (!live || !user) return undefined;
      if (known.size >= KNOWN_TOKENS) known.delete(known.keys().next().value as string);
      known.set(platformToken, { user, expiresAt: live.expiresAt });
      return user;
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
