import type { Server } from 'node:http';

/** How long an idle keep-alive connection stays open (Node's default is 5 s). */
export const KEEP_ALIVE_MS = 65_000;

/**
 * Idle connections are kept well past what clients wait between two requests. With Node's 5 s,
 * a client that sends a request on a connection the moment the server closes it gets a reset
 * ("socket hang up"), and a POST is not retried: a save or a publish would fail for nothing.
 * The headers timeout must stay above the keep-alive one (Node's rule).
 */
export function keepConnectionsOpen(server: Pick<Server, 'keepAliveTimeout' | 'headersTimeout'>): void {
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;
}
