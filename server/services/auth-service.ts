import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { TokenPair } from '../../contract';
import { AuthServiceError } from '../http/api-error';
import type { UserRecord } from '../repositories/users';
import type { ServiceContext } from './context';

const newToken = () => randomBytes(32).toString('base64url');

function samePassword(given: string, stored: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(stored);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function createAuthService(ctx: ServiceContext) {
  const { tokens, users } = ctx.repos;

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
      const userId =
        authToken === undefined ? undefined : tokens.findUserId(authToken, 'auth', ctx.config.clock());
      const user = userId === undefined ? undefined : users.findById(userId);
      if (!user) throw new AuthServiceError(401, 'Could not validate credentials: sign in again');
      return issue(user);
    },
    /** The user behind a live platform token. */
    authenticate(platformToken: string | undefined): UserRecord | undefined {
      if (platformToken === undefined) return undefined;
      const userId = tokens.findUserId(platformToken, 'platform', ctx.config.clock());
      return userId === undefined ? undefined : users.findById(userId);
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
