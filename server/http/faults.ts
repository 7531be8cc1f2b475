import type { HttpBindings } from '@hono/node-server';
import type { Context, MiddlewareHandler } from 'hono';
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * Test-only fault injection for the e2e journeys: chosen requests fail with a 500, stall past the
 * client's timeout, lose their connection before the server acts, or lose it after the server has
 * acted (the response is lost, the change is not), or are refused with a 401 as if the token had
 * just expired. It exists only when the process is started
 * with SANDBOX_FAULTS=1 and a key; the rule endpoint answers only requests that carry the key in
 * `X-Sandbox-Fault-Key`, which the web app never has, so a browser cannot switch faults on.
 */

export const FAULTS_PATH = '/__faults';
export const FAULT_KEY_HEADER = 'x-sandbox-fault-key';
/** Past the web app's 30 s request timeout. */
export const DEFAULT_STALL_MS = 35_000;
const MIN_KEY_LENGTH = 16;

export const faultModeSchema = z.enum(['status500', 'status401', 'stall', 'drop', 'after-commit-drop']);
export type FaultMode = z.infer<typeof faultModeSchema>;

export const faultRuleInputSchema = z.strictObject({
  /** Any method when absent. */
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).optional(),
  /** A regular expression tested against the path (without the query string). */
  path: z.string().min(1).max(500),
  /** A regular expression the Authorization header must match too, to single out one session. */
  authorization: z.string().min(1).max(500).optional(),
  mode: faultModeSchema,
  /** How many matching requests fail before the rule retires. */
  times: z.int().min(1).max(1000).default(1),
  stall_ms: z.int().min(1).max(120_000).default(DEFAULT_STALL_MS),
});
export type FaultRuleInput = z.input<typeof faultRuleInputSchema>;

interface FaultRule {
  id: number;
  method: string | undefined;
  pattern: RegExp;
  authorization: RegExp | undefined;
  mode: FaultMode;
  remaining: number;
  stallMs: number;
}

export interface FaultOptions {
  /** The secret a test must send in `X-Sandbox-Fault-Key`; at least 16 characters. */
  key: string;
}

/** Fault options from the environment: off unless SANDBOX_FAULTS=1, and then a key is required. */
export function faultOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): FaultOptions | undefined {
  if (env.SANDBOX_FAULTS !== '1') return undefined;
  const key = env.SANDBOX_FAULT_KEY ?? '';
  if (key.length < MIN_KEY_LENGTH) {
    throw new Error(`SANDBOX_FAULTS=1 needs SANDBOX_FAULT_KEY of at least ${MIN_KEY_LENGTH} characters`);
  }
  return { key };
}

function sameKey(given: string | undefined, key: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(key);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The Node socket behind the request, when served by @hono/node-server over HTTP/1. */
function socketOf(
  c: Context,
): { destroy: () => void; once: (event: 'close', fn: () => void) => void } | undefined {
  const env = c.env as Partial<HttpBindings> | undefined;
  return env?.incoming?.socket;
}

function dropConnection(c: Context): Response {
  const socket = socketOf(c);
  if (!socket) throw new Error('A dropped connection needs the Node server (c.env.incoming)');
  socket.destroy();
  // Never reaches the client: the socket is gone.
  return new Response(null, { status: 499 });
}

const internalError = () =>
  Response.json(
    {
      success: false,
      message: 'Injected fault: something went wrong on the server',
      error: { code: 'INTERNAL_ERROR' },
    },
    { status: 500 },
  );

export function faultInjection(options: FaultOptions): MiddlewareHandler {
  if (options.key.length < MIN_KEY_LENGTH)
    throw new Error(`The fault key must be at least ${MIN_KEY_LENGTH} characters`);
  let rules: FaultRule[] = [];
  let nextId = 1;

  const notFound = () =>
    Response.json({ success: false, message: 'Not found', error: { code: 'NOT_FOUND' } }, { status: 404 });

  async function manage(c: Context): Promise<Response> {
    // Without the key the endpoint looks like any unknown path.
    if (!sameKey(c.req.header(FAULT_KEY_HEADER), options.key)) return notFound();
    const rest = c.req.path.slice(FAULTS_PATH.length);
    if (c.req.method === 'GET' && rest === '') {
      return Response.json({
        rules: rules.map(({ pattern, authorization, ...r }) => ({
          ...r,
          path: pattern.source,
          authorization: authorization?.source,
        })),
      });
    }
    if (c.req.method === 'DELETE' && rest === '') {
      rules = [];
      return new Response(null, { status: 204 });
    }
    const one = /^\/(\d+)$/.exec(rest);
    if (c.req.method === 'DELETE' && one) {
      rules = rules.filter((r) => r.id !== Number(one[1]));
      return new Response(null, { status: 204 });
    }
    if (c.req.method === 'POST' && rest === '') {
      let raw: unknown;
      try {
        raw = await c.req.json();
      } catch {
        return Response.json({ message: 'Send a JSON rule' }, { status: 400 });
      }
      const parsed = faultRuleInputSchema.safeParse(raw);
      if (!parsed.success) return Response.json({ message: z.prettifyError(parsed.error) }, { status: 422 });
      let pattern: RegExp;
      let authorization: RegExp | undefined;
      try {
        pattern = new RegExp(parsed.data.path);
        authorization =
          parsed.data.authorization === undefined ? undefined : new RegExp(parsed.data.authorization);
      } catch {
        return Response.json(
          { message: 'path or authorization is not a valid regular expression' },
          { status: 422 },
        );
      }
      const rule: FaultRule = {
        id: nextId++,
        method: parsed.data.method,
        pattern,
        authorization,
        mode: parsed.data.mode,
        remaining: parsed.data.times,
        stallMs: parsed.data.stall_ms,
      };
      rules.push(rule);
      return Response.json({ id: rule.id }, { status: 201 });
    }
    return notFound();
  }

  /** The first live rule matching the request, spent by one. */
  function take(method: string, path: string, authorization: string): FaultRule | undefined {
    const rule = rules.find(
      (r) =>
        (r.method === undefined || r.method === method) &&
        r.pattern.test(path) &&
        (r.authorization === undefined || r.authorization.test(authorization)),
    );
    if (!rule) return undefined;
    rule.remaining -= 1;
    if (rule.remaining <= 0) rules = rules.filter((r) => r !== rule);
    return rule;
  }

  return async (c, next) => {
    if (c.req.path === FAULTS_PATH || c.req.path.startsWith(`${FAULTS_PATH}/`)) return manage(c);
    const rule = take(c.req.method, c.req.path, c.req.header('authorization') ?? '');
    if (!rule) return next();
    switch (rule.mode) {
      case 'status500':
        return internalError();
      case 'status401':
        return c.req.path.startsWith('/auth-service/')
          ? Response.json({ detail: 'Could not validate credentials: sign in again' }, { status: 401 })
          : Response.json(
              {
                success: false,
                message: 'Your session has expired: sign in again',
                error: { code: 'UNAUTHORIZED' },
              },
              { status: 401 },
            );
      case 'drop':
        return dropConnection(c);
      case 'stall': {
        // Hold the request (never performing it) until the stall ends or the client gives up.
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, rule.stallMs);
          socketOf(c)?.once('close', () => {
            clearTimeout(timer);
            resolve();
          });
        });
        return Response.json(
          {
            success: false,
            message: 'Injected fault: the server stalled',
            error: { code: 'GATEWAY_TIMEOUT' },
          },
          { status: 504 },
        );
      }
      case 'after-commit-drop': {
        await next();
        // The server has acted; the client never hears of it.
        dropConnection(c);
        return;
      }
    }
  };
}
