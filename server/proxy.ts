import { Hono, type Context } from 'hono';
import { acceptedEncodings } from './http/accept-encoding';

export interface TenantProxyOptions {
  /** The tenant's base URL, e.g. https://northwind.ejento.ai (a path prefix is kept). */
  baseUrl: string;
  /** The subscription key: added to every upstream call, never sent to the browser. */
  apiKey: string;
  fetch?: typeof fetch;
  /** Where the operator reads why the tenant could not answer (the browser gets a sentence). */
  log?: (message: string) => void;
}

export const SUBSCRIPTION_KEY_HEADER = 'Ocp-Apim-Subscription-Key';

/** Hop-by-hop headers, and those fetch's own decoding makes wrong, never cross the proxy. */
const DROP_REQUEST = new Set([
  'host',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
  'proxy-authorization',
  'content-length',
  'cookie',
  'accept-encoding',
  // Node's server has answered it already (100 Continue); fetch refuses to send it at all, which
  // made every large upload of curl's (it asks above 1 MB; older versions above 1 kB) a 502.
  'expect',
]);
const DROP_RESPONSE = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'trailer',
  'content-encoding',
  'content-length',
  'set-cookie',
  // The console's origin has its own policy (server/http/security-headers.ts); the tenant's
  // would override it, since a response's own headers win over those the server sets first.
  'content-security-policy',
  'x-content-type-options',
  'referrer-policy',
]);

/**
 * Whether to gzip a successful JSON answer on its way to the browser. fetch decodes what the
 * tenant sent, so without this every answer reached the browser whole: a huge prompt's staging
 * diff is megabytes of JSON, a tenth of that gzipped. Streamed, so nothing is held in memory.
 * (No size threshold: the tenant's Content-Length is of what it sent, often compressed already.)
 */
function shouldCompress(acceptEncoding: string | undefined, upstream: Response): boolean {
  if (upstream.status < 200 || upstream.status >= 300 || upstream.status === 204) return false;
  if (!acceptedEncodings(acceptEncoding).has('gzip')) return false;
  return /\bjson\b/i.test(upstream.headers.get('content-type') ?? '');
}

/**
 * Real-tenant mode: forwards `/api/v2/*` and `/auth-service/*` to the tenant with the
 * subscription key added, streaming bodies both ways.
 */
export function createTenantProxy(options: TenantProxyOptions): Hono {
  const base = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? fetch;
  const log = options.log ?? ((message: string) => console.error(message));
  const keyHeader = SUBSCRIPTION_KEY_HEADER.toLowerCase();

  async function forward(c: Context): Promise<Response> {
    const incoming = new URL(c.req.url);
    const target = `${base}${incoming.pathname}${incoming.search}`;
    const headers = new Headers();
    c.req.raw.headers.forEach((value, name) => {
      const lower = name.toLowerCase();
      if (!DROP_REQUEST.has(lower) && lower !== keyHeader) headers.set(name, value);
    });
    headers.set(SUBSCRIPTION_KEY_HEADER, options.apiKey);
    const hasBody = c.req.method !== 'GET' && c.req.method !== 'HEAD';
    let upstream: Response;
    try {
      upstream = await doFetch(target, {
        method: c.req.method,
        headers,
        body: hasBody ? c.req.raw.body : undefined,
        redirect: 'manual',
        signal: c.req.raw.signal,
        ...(hasBody ? { duplex: 'half' } : {}),
      });
    } catch (error) {
      // A browser that went away (a cancelled query) reads no answer, and is no fault to report.
      if (!c.req.raw.signal.aborted) {
        const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
        log(`Tenant proxy: ${c.req.method} ${incoming.pathname} could not reach ${base}: ${String(cause)}`);
      }
      return badGateway(c, 'The Ejento tenant could not be reached');
    }
    // A redirect is the tenant's address being wrong (http for https, a moved host, a sign-in
    // page): followed by the browser, it leaves the console's origin, which the policy blocks, and
    // the user would read "could not be reached" with nothing to tell the operator why.
    const location = upstream.headers.get('location');
    if (upstream.status >= 300 && upstream.status < 400 && location !== null) {
      void upstream.body?.cancel();
      log(
        `Tenant proxy: ${c.req.method} ${incoming.pathname} was redirected (${upstream.status}) to ${location}: check EJENTO_API_URL`,
      );
      return badGateway(
        c,
        'The Ejento tenant could not be reached: it sends the console to another address, so the one it is set up with may be wrong',
      );
    }
    const responseHeaders = new Headers();
    upstream.headers.forEach((value, name) => {
      const lower = name.toLowerCase();
      // A tenant that echoes the key back must not leak it to the browser.
      if (DROP_RESPONSE.has(lower) || lower === keyHeader || value.includes(options.apiKey)) return;
      responseHeaders.set(name, value);
    });
    // An error answer may quote the request it refuses, headers and all (a gateway's diagnostic,
    // a debugging tenant). Error answers are small: each is read whole and the key taken out.
    // Successful answers stream through untouched; they can run to megabytes.
    let body: BodyInit | null = upstream.body;
    if (upstream.status >= 400) {
      const text = await upstream.text();
      body = text.includes(options.apiKey) ? text.replaceAll(options.apiKey, '[redacted]') : text;
    }
    if (upstream.body !== null && shouldCompress(c.req.header('accept-encoding'), upstream)) {
      body = upstream.body.pipeThrough(new CompressionStream('gzip'));
      responseHeaders.set('Content-Encoding', 'gzip');
      responseHeaders.append('Vary', 'Accept-Encoding');
      // Another representation of the same answer: its tag can only be weak (the console sends
      // If-Match from the revision in the body, never from this header).
      const etag = responseHeaders.get('ETag');
      if (etag !== null && !etag.startsWith('W/')) responseHeaders.set('ETag', `W/${etag}`);
    }
    return new Response(body, {
      status: upstream.status,
      statusText: upstream.statusText,
      headers: responseHeaders,
    });
  }

  function badGateway(c: Context, message: string): Response {
    return c.json({ success: false, message, error: { code: 'BAD_GATEWAY' } }, 502);
  }

  const app = new Hono();
  app.all('/api/v2/*', forward);
  app.all('/auth-service/*', forward);
  return app;
}
