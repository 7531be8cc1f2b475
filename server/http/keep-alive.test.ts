import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { KEEP_ALIVE_MS, keepConnectionsOpen } from './keep-alive';

const servers: ReturnType<typeof createServer>[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

describe('keepConnectionsOpen', () => {
  it('keeps an idle connection past Node’s 5 s, and announces it to the client', async () => {
    const server = createServer((_req, res) => res.end('ok'));
    servers.push(server);
    keepConnectionsOpen(server);
    expect(server.keepAliveTimeout).toBe(KEEP_ALIVE_MS);
    expect(server.headersTimeout).toBeGreaterThan(server.keepAliveTimeout);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const keepAlive = await new Promise<string | undefined>((resolve, reject) => {
      const req = request(
        { port, host: '127.0.0.1', path: '/', headers: { connection: 'keep-alive' } },
        (res) => {
          res.resume();
          resolve(String(res.headers['keep-alive']));
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(keepAlive).toBe(`timeout=${KEEP_ALIVE_MS / 1000}`);
  });
});
