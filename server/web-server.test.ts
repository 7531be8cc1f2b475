import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync } from 'node:zlib';
import type { Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from './app';
import { openDatabase } from './db/database';
import { createConsoleServer } from './http/node-server';
import { CONTENT_SECURITY_POLICY } from './http/security-headers';
import { seedCatalogue } from './seed/catalogue';
import { createWebServer } from './web-server';

const servers: Server[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

function server() {
  const dist = mkdtempSync(join(tmpdir(), 'console-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(
    join(dist, 'index.html'),
    '<!doctype html><title>Ejento console</title><div id="root"></div>',
  );
  writeFileSync(join(dist, 'assets', 'app-Bx3_k9Qa.js'), 'console.log("app")');
  writeFileSync(join(dist, 'assets', 'app-Bx3_k9Qa.js.br'), brotliCompressSync('console.log("app")'));
  writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  const db = openDatabase(':memory:');
  seedCatalogue(db);
  return createWebServer({ api: createApp({ db }), distDir: dist, mode: 'sandbox' });
}

describe('production web server', () => {
  it('serves built assets and index.html for client routes', async () => {
    const app = server();
    const asset = await app.request('/assets/app-Bx3_k9Qa.js');
    expect(asset.status).toBe(200);
    expect(await asset.text()).toBe('console.log("app")');
    for (const route of ['/', '/agents/3/history']) {
      const page = await app.request(route);
      expect(page.status, route).toBe(200);
      expect(await page.text()).toContain('<title>Ejento console</title>');
    }
    expect(CONTENT_SECURITY_POLICY).toContain("worker-src 'self' blob:");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
  });

  it('sends the precompressed copies of the build to browsers that accept them, and lets hashed chunks be cached for good', async () => {
    const app = server();
    const compressed = await app.request('/assets/app-Bx3_k9Qa.js', {
      headers: { 'Accept-Encoding': 'gzip, deflate, br, zstd' },
    });
    expect(compressed.headers.get('Content-Encoding')).toBe('br');
    expect(compressed.headers.get('Content-Type')).toMatch(/javascript/);
    expect(compressed.headers.get('Vary')).toContain('Accept-Encoding');
    expect(compressed.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(Buffer.from(await compressed.arrayBuffer())).toString()).toBe(
      'console.log("app")',
    );

    const plain = await app.request('/assets/app-Bx3_k9Qa.js', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(plain.headers.get('Content-Encoding')).toBeNull();
    expect(await plain.text()).toBe('console.log("app")');

    // Files without a content hash, and the page that names the chunks, are checked every time.
    expect((await app.request('/favicon.svg')).headers.get('Cache-Control')).toBe('no-cache');
    expect((await app.request('/agents/3/review')).headers.get('Cache-Control')).toBe('no-cache');
    // A chunk of another build is missing: never index.html, and never cached.
    const missing = await app.request('/assets/app-Zz9_k9Qa.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('Cache-Control')).toBeNull();
  });

  it('answers unknown API paths with JSON, never with index.html', async () => {
    const app = server();
    const api = await app.request('/api/v3/whatever');
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ success: false, error: { code: 'NOT_FOUND' } });
    const auth = await app.request('/auth-service/nothing');
    expect(auth.status).toBe(404);
    expect(await auth.json()).toEqual({ detail: 'Not Found' });
    expect((await app.request('/api/v2/agents')).status).toBe(401);
  });

  it('serves the API through the same origin', async () => {
    const app = server();
    const login = await app.request('/auth-service/api/v2/login/access-token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'username=viewer%40example.com&password=sandbox',
    });
    expect(login.status).toBe(200);
    expect((await app.request('/healthz')).status).toBe(200);
  });

  it('over HTTP, sends the security headers with every response: pages, assets, API answers and errors', async () => {
    const http = createConsoleServer(server().fetch, { hostname: '127.0.0.1' });
    servers.push(http);
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    const responses = {
      page: await fetch(`${base}/agents/3/history`),
      asset: await fetch(`${base}/assets/app-Bx3_k9Qa.js`, { headers: { 'Accept-Encoding': 'br' } }),
      api: await fetch(`${base}/auth-service/api/v2/login/access-token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'username=viewer%40example.com&password=sandbox',
      }),
      unauthorised: await fetch(`${base}/api/v2/agents`),
      missing: await fetch(`${base}/api/v3/whatever`),
    };
    // Behind Node's server the API reads headers from what Node parsed: a signed-in read works.
    const { data } = (await responses.api.clone().json()) as { data: { ejento_access_token: string } };
    const me = await fetch(`${base}/api/v2/users/me`, {
      headers: { Authorization: `Bearer ${data.ejento_access_token}` },
    });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { data: { email: string } }).data.email).toBe('viewer@example.com');
    // Two Authorization headers: Node would keep the first, so which one counts is not guessed.
    // (Sent by hand: fetch joins repeated headers into one.)
    const twoTokens = `Authorization: Bearer ${data.ejento_access_token}\r\nAuthorization: Bearer someone-else\r\n`;
    const raw = (head: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect((http.address() as AddressInfo).port, '127.0.0.1');
        let answer = '';
        socket.setEncoding('utf8').on('data', (chunk: string) => (answer += chunk));
        socket.on('end', () => resolve(answer)).on('error', reject);
        socket.end(`${head}Host: 127.0.0.1\r\nConnection: close\r\n${twoTokens}\r\n`);
      });
    const twice = await raw('GET /api/v2/users/me HTTP/1.1\r\n');
    expect(twice).toMatch(/^HTTP\/1\.1 400 /);
    expect(twice).toContain('Send one Authorization header');
    // The auth service's refresh reads the header the same way.
    const refreshTwice = await raw(
      'POST /auth-service/api/v2/users/refresh-access-token HTTP/1.1\r\nContent-Length: 0\r\n',
    );
    expect(refreshTwice).toMatch(/^HTTP\/1\.1 400 /);
    expect(refreshTwice).toContain('Send one Authorization header');
    expect(responses.page.status).toBe(200);
    expect(responses.asset.headers.get('Content-Encoding')).toBe('br');
    expect(responses.api.status).toBe(200);
    expect(responses.unauthorised.status).toBe(401);
    expect(responses.missing.status).toBe(404);
    for (const [name, response] of Object.entries(responses)) {
      expect(response.headers.get('Content-Security-Policy'), name).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('X-Content-Type-Options'), name).toBe('nosniff');
      expect(response.headers.get('Referrer-Policy'), name).toBe('no-referrer');
      // The app's own headers are still there next to them.
      expect(response.headers.get('Content-Type'), name).toBeTruthy();
    }
    // API answers are one user's: never kept. The build's files and the page say how they are kept.
    for (const name of ['api', 'unauthorised', 'missing'] as const) {
      expect(responses[name].headers.get('Cache-Control'), name).toBe('no-store');
    }
    expect(me.headers.get('Cache-Control')).toBe('no-store');
    expect(responses.page.headers.get('Cache-Control')).toBe('no-cache');
    expect(responses.asset.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
  });

  it('tells the sign-in page whether it runs on the sandbox or a tenant', async () => {
    expect(await (await server().request('/healthz')).json()).toEqual({ status: 'ok', mode: 'sandbox' });
    const tenant = createWebServer({
      api: createApp({ db: openDatabase(':memory:') }),
      distDir: tmpdir(),
      mode: 'tenant',
    });
    expect(await (await tenant.request('/healthz')).json()).toEqual({ status: 'ok', mode: 'tenant' });
  });

  it('reads a body sent where none is read before answering, so the connection stays whole', async () => {
    const http = createConsoleServer(server().fetch, { hostname: '127.0.0.1' });
    servers.push(http);
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const port = (http.address() as AddressInfo).port;
    const base = `http://127.0.0.1:${port}`;
    const login = await fetch(`${base}/auth-service/api/v2/login/access-token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'username=editor%40example.com&password=sandbox',
    });
    const token = ((await login.json()) as { data: { ejento_access_token: string } }).data
      .ejento_access_token;
    const created = await fetch(`${base}/api/v2/agents`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ agent_name: 'Body test', project_id: 101 }),
    });
    const agentId = ((await created.json()) as { data: { id: number } }).data.id;

    // Enabling a tool takes no body; this client sends 1 MB, the second half after a pause.
    const socket = connect(port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', resolve));
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
    let closed = false;
    socket.on('close', () => (closed = true));
    socket.on('error', () => (closed = true));
    const half = 'x'.repeat(500_000);
    socket.write(
      `POST /api/v2/agents/${agentId}/tools/5/enable HTTP/1.1\r\nHost: 127.0.0.1\r\n` +
        `Authorization: Bearer ${token}\r\nContent-Type: text/plain\r\nContent-Length: 1000000\r\n\r\n${half}`,
    );
    await new Promise((resolve) => setTimeout(resolve, 900));
    expect(received, 'no answer before the body is in').toBe('');
    socket.write(half);
    await vi.waitFor(() => expect(received).toMatch(/^HTTP\/1\.1 200/), { timeout: 5_000 });
    // The connection is still there for the next request.
    received = '';
    socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    await vi.waitFor(() => expect(received).toMatch(/^HTTP\/1\.1 200/), { timeout: 5_000 });
    expect(closed).toBe(false);
    socket.destroy();
  });

  it('takes a client that leaves mid-body quietly: no error logged, and the server goes on', async () => {
    const http = createConsoleServer(server().fetch, { hostname: '127.0.0.1' });
    servers.push(http);
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const { port } = http.address() as AddressInfo;
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      // With a length, and in chunks (a body limit reads those itself), signed in or not.
      const framings = [
        'Content-Length: 100\r\n\r\n{"acc',
        'Transfer-Encoding: chunked\r\n\r\n5\r\n{"acc\r\n',
      ];
      for (const framing of framings)
        for (const path of ['/api/v2/agents/1/access', '/auth-service/api/v2/login/access-token']) {
          const socket = connect(port, '127.0.0.1');
          await new Promise<void>((resolve) => socket.once('connect', resolve));
          socket.write(
            `PUT ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` + framing,
          );
          await new Promise((resolve) => setTimeout(resolve, 100));
          socket.destroy();
        }
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(logged).not.toHaveBeenCalled();
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    } finally {
      logged.mockRestore();
    }
  });
});
