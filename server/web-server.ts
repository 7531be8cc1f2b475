import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { faultInjection, type FaultOptions } from './http/faults';
import { hashedAssets } from './http/hashed-assets';

export interface WebServerOptions {
  /** Serves `/api/*`, `/auth-service/*` and `/healthz`: the sandbox app or the tenant proxy. */
  api: { fetch: (request: Request, env?: unknown) => Response | Promise<Response> };
  /** The built web app (`vite build` output). */
  distDir: string;
  /** Test-only fault injection (see http/faults.ts); absent in every normal start. */
  faults?: FaultOptions;
  /** What `/healthz` reports: the sign-in page offers the demo sign-ins only on the sandbox. */
  mode: 'sandbox' | 'tenant';
}

const API_PREFIXES = ['/api/', '/auth-service/'];
const isApi = (path: string) =>
  API_PREFIXES.some((p) => path.startsWith(p)) || path === '/api' || path === '/auth-service';

/** One origin for the console: the API, the built app, and index.html for client routes. */
export function createWebServer({ api, distDir, faults, mode }: WebServerOptions): Hono {
  const app = new Hono();
  if (faults) app.use('*', faultInjection(faults));
  app.get('/healthz', (c) => c.json({ status: 'ok', mode }));
  app.all('*', async (c, next) => {
    // Node's request and response go along: the API reads headers from what Node parsed.
    if (isApi(c.req.path)) return api.fetch(c.req.raw, c.env);
    await next();
  });
  app.use('*', async (c, next) => {
    await next();
    // Built chunks carry a content hash in their names and are kept for good (hashedAssets says
    // so). Anything else (index.html, which names the chunks; the favicon) is checked each time.
    if (c.res.ok && !c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-cache');
  });
  // The build writes .br and .gz copies beside each file (vite.config.ts). Its hashed chunks are
  // served from memory; the rest (the favicon, public files) from disk.
  app.use('/assets/*', hashedAssets(distDir));
  app.use('*', serveStatic({ root: distDir, precompressed: true }));
  const indexFile = join(distDir, 'index.html');
  app.get('*', (c) => {
    // A chunk of another build (a tab open across a deploy) is missing, not a client route.
    if (c.req.path.startsWith('/assets/')) return c.text('Not found', 404);
    if (!existsSync(indexFile)) {
      return c.text('The web app is not built yet: run `npm run build`, then restart.', 503);
    }
    // Read on each request so a rebuild shows without a restart; it is a few hundred bytes.
    return c.html(readFileSync(indexFile, 'utf8'));
  });
  return app;
}
