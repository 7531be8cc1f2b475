import type { Context } from 'hono';
import type { IncomingMessage } from 'node:http';

/**
 * A request header (`name` in lower case). Behind Node's server it is read from the headers Node
 * has already parsed: the first `c.req.header()` of a request builds a `Headers` of all of them,
 * which costs more than the rest of a cached read's lookups. Elsewhere (tests calling
 * `app.request`), from the request itself.
 */
export function requestHeader(c: Context, name: string): string | undefined {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (!incoming) return c.req.header(name);
  const value = incoming.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/**
 * How many times the request carries a header (`name` in lower case). Node keeps only the first
 * of some repeated headers (Authorization among them), so its parsed headers cannot tell.
 */
export function headerCount(c: Context, name: string): number {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (!incoming) return c.req.header(name) === undefined ? 0 : 1;
  let count = 0;
  const raw = incoming.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) if (raw[i]?.toLowerCase() === name) count++;
  return count;
}
