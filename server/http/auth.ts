import type { Context, MiddlewareHandler } from 'hono';
import { DELETE_AGENT_PERMISSIONS, type Permission } from '../../contract';
import type { UserRecord } from '../repositories/users';
import type { Services } from '../services';
import { badRequest, forbidden, unauthorized } from './api-error';
import { headerCount, requestHeader } from './request-header';

export interface AppEnv {
  Variables: { user: UserRecord; services: Services };
}

/** Ejento's sample client sends the bare token as the whole header, so both forms count. */
export function bearerToken(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const value = header.trim();
  const token = /^bearer\s+/i.test(value) ? value.replace(/^bearer\s+/i, '').trim() : value;
  return token === '' ? undefined : token;
}

export function requireUser(services: Services): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    // Which of two tokens would count is a guess: Node keeps the first, a proxy may keep the last.
    if (headerCount(c, 'authorization') > 1) throw badRequest('Send one Authorization header');
    const user = services.auth.authenticate(bearerToken(requestHeader(c, 'authorization')));
    if (!user) throw unauthorized();
    c.set('user', user);
    await next();
  };
}

const REFUSALS: Record<Permission, string> = {
  view: 'Your role cannot view agents',
  edit: 'Your role cannot edit agents',
  publish: 'Your role cannot publish agents',
  rollback: 'Your role cannot roll back agents',
};

export const DELETE_AGENT_REFUSAL =
  'Deleting an agent removes it from production too: that takes both the edit and the publish permission';

export function canDeleteAgent(c: Context<AppEnv>): UserRecord {
  const user = c.get('user');
  if (!DELETE_AGENT_PERMISSIONS.every((p) => user.permissions.includes(p)))
    throw forbidden(DELETE_AGENT_REFUSAL);
  return user;
}

export function can(c: Context<AppEnv>, permission: Permission): UserRecord {
  const user = c.get('user');
  if (!user.permissions.includes(permission)) throw forbidden(REFUSALS[permission]);
  return user;
}
