import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { LIMITS } from '../contract';
import { defaultConfig, type ServerConfig } from './config';
import type { Db } from './db/database';
import { ApiError, AuthServiceError } from './http/api-error';
import { requireUser, type AppEnv } from './http/auth';
import { errorBody, fail } from './http/envelope';
import { agentRoutes } from './routes/agents';
import { authRoutes } from './routes/auth';
import { catalogRoutes } from './routes/catalog';
import { editRoutes } from './routes/edits';
import { publishingRoutes } from './routes/publishing';
import { createServices, type Services } from './services';

export interface CreateAppOptions {
  db: Db;
  config?: Partial<ServerConfig>;
}

const isAuthService = (path: string) => path.startsWith('/auth-service/');

/** The Ejento sandbox API: the platform under /api/v2, the auth service under /auth-service/api/v2. */
export function createApp({ db, config }: CreateAppOptions): Hono<AppEnv> & { services: Services } {
  const services = createServices(db, { ...defaultConfig, ...config });
  const app = new Hono<AppEnv>();

  const limitBody = bodyLimit({
    maxSize: LIMITS.bodyBytes,
    onError: (c) =>
      isAuthService(c.req.path)
        ? c.json({ detail: 'The request body is larger than 16 MiB' }, 413)
        : fail(c, 413, 'PAYLOAD_TOO_LARGE', 'The request body is larger than 16 MiB'),
  });
  // Reads carry no body: asking for one makes the Node adapter build a full Request for every
  // GET, a good part of what a cached read costs.
  app.on(['POST', 'PUT', 'PATCH', 'DELETE'], '*', limitBody);
  // A body sent where none is read (enabling a tool, a delete) is read all the same, before the
  // answer. Answered first, the connection would be cut while the client was still sending, and
  // the client would see a network error for an edit that went through. Routes that read their
  // body get it from Hono's cache.
  app.on(['POST', 'PUT', 'PATCH', 'DELETE'], '*', async (c, next) => {
    const length = c.req.header('content-length');
    if ((length !== undefined && length !== '0') || c.req.header('transfer-encoding') !== undefined) {
      try {
        await c.req.arrayBuffer();
      } catch (error) {
        // The client went away mid-body: nobody is left to answer, and nothing to log.
        if (!isClientAbort(error)) throw error;
        return bodyCutOff(c);
      }
    }
    await next();
  });

  app.get('/healthz', (c) => c.json({ status: 'ok', mode: 'sandbox' }));

  app.route('/auth-service/api/v2', authRoutes(services));

  const platform = new Hono<AppEnv>();
  platform.use('*', requireUser(services));
  platform.route('/', catalogRoutes(services));
  platform.route('/', agentRoutes(services));
  platform.route('/', editRoutes(services));
  platform.route('/', publishingRoutes(services));
  app.route('/api/v2', platform);

  app.notFound((c) => {
    // A known endpoint asked with another method: 405, saying which it answers.
    const allowed = allowedMethods(app, c.req.path);
    if (allowed.length > 0) {
      c.header('Allow', allowed.join(', '));
      const message = `${c.req.path} answers ${allowed.join(', ')}, not ${c.req.method}`;
      return isAuthService(c.req.path)
        ? c.json({ detail: 'Method Not Allowed' }, 405)
        : fail(c, 405, 'METHOD_NOT_ALLOWED', message);
    }
    return isAuthService(c.req.path)
      ? c.json({ detail: 'Not Found' }, 404)
      : fail(c, 404, 'NOT_FOUND', `No endpoint ${c.req.method} ${c.req.path}`);
  });

  app.onError((error, c) => {
    if (error instanceof AuthServiceError) return c.json({ detail: error.detail }, error.status);
    if (error instanceof ApiError)
      return fail(c, error.status, error.code, error.message, error.details, error.data);
    if (error instanceof HTTPException) {
      const status = error.status;
      if (isAuthService(c.req.path)) return c.json({ detail: error.message }, status);
      return c.json(errorBody(status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST', error.message), status);
    }
    // A body cut off while a middleware read it (the body limit reads chunked bodies itself):
    // the client has gone, and there is nothing to log.
    if (isClientAbort(error)) return bodyCutOff(c);
    console.error(`Unexpected error on ${c.req.method} ${c.req.path}:`, error);
    if (isAuthService(c.req.path)) return c.json({ detail: 'Internal server error' }, 500);
    return fail(c, 500, 'INTERNAL_ERROR', 'Something went wrong on the server');
  });

  return Object.assign(app, { services });
}

/** The answer to a body cut off: nobody may be left to read it, but it is an answer. */
function bodyCutOff(c: Context<AppEnv>): Response {
  const message = 'The request body was cut off before its end';
  return isAuthService(c.req.path) ? c.json({ detail: message }, 400) : fail(c, 400, 'BAD_REQUEST', message);
}

/** The error Node gives a body read when the client closes the connection before sending it all. */
function isClientAbort(error: unknown): boolean {
  return (
    error instanceof Error &&
    ((error as NodeJS.ErrnoException).code === 'ECONNRESET' || error.message === 'aborted')
  );
}

const endpointsOf = new WeakMap<object, { method: string; pattern: RegExp }[]>();

/** The methods the app's endpoints answer at `path` (GET with HEAD), read from its routes once. */
function allowedMethods(app: Hono<AppEnv>, path: string): string[] {
  let endpoints = endpointsOf.get(app);
  if (!endpoints) {
    endpoints = app.routes
      .filter((r) => r.method !== 'ALL' && !r.path.includes('*'))
      .map((r) => ({
        method: r.method,
        pattern: new RegExp(`^${r.path.replace(/[.]/g, '\\.').replace(/:[^/]+/g, '[^/]+')}$`),
      }));
    endpointsOf.set(app, endpoints);
  }
  const methods = new Set(endpoints.filter((e) => e.pattern.test(path)).map((e) => e.method));
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods];
}
