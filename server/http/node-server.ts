import { getRequestListener } from '@hono/node-server';
import { createServer, type Server } from 'node:http';
import { keepConnectionsOpen } from './keep-alive';
import { SECURITY_HEADERS } from './security-headers';

/** An app's `fetch` (a Hono app's, for one), given Node's request and response as its env. */
type Fetch = Parameters<typeof getRequestListener>[0];

/**
 * The console's HTTP server: the Hono app behind Node's `http` server, with the security headers
 * set on every response before the app runs (the app's own headers take precedence where they
 * name the same one), and idle connections kept open. Setting them here rather than in a Hono
 * middleware keeps each response's headers a plain object, which the Node adapter writes as is:
 * changing a built Response's headers makes the adapter build and then copy a `Headers`, about a
 * tenth of what a cached API read costs.
 */
export function createConsoleServer(fetch: Fetch, options: { hostname: string }): Server {
  // The hostname stands in for a missing Host header (an HTTP/1.0 client, a bare probe).
  const listener = getRequestListener(fetch, { hostname: options.hostname });
  const server = createServer((incoming, outgoing) => {
    for (const [name, value] of SECURITY_HEADERS) outgoing.setHeader(name, value);
    // Unless the response says otherwise (the build's files do, index.html does), nothing is
    // kept in a cache: API answers are one user's, and a page loaded by Back would otherwise be
    // given the answers cached for whoever was signed in before.
    outgoing.setHeader('Cache-Control', 'no-store');
    // The listener answers the app's failures itself (a 500); one in writing the answer out
    // would reject, and ends that response instead of the process.
    listener(incoming, outgoing).catch((error: unknown) => {
      console.error(`Answering ${incoming.method} ${incoming.url} failed:`, error);
      outgoing.destroy();
    });
  });
  keepConnectionsOpen(server);
  return server;
}
