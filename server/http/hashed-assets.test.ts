import { Hono } from 'hono';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { hashedAssets } from './hashed-assets';

const SOURCE = 'export const answer = 42;';

function fixture() {
  const dist = mkdtempSync(join(tmpdir(), 'console-assets-'));
  const assets = join(dist, 'assets');
  mkdirSync(assets);
  writeFileSync(join(assets, 'chunk-Bx3_k9Qa.js'), SOURCE);
  writeFileSync(join(assets, 'chunk-Bx3_k9Qa.js.br'), brotliCompressSync(SOURCE));
  writeFileSync(join(assets, 'chunk-Bx3_k9Qa.js.gz'), gzipSync(SOURCE));
  const app = new Hono();
  app.use('/assets/*', hashedAssets(dist));
  app.all('*', (c) => c.text('next handler', 404));
  return { app, assets };
}

const get = (app: Hono, path: string, acceptEncoding?: string, method = 'GET') =>
  app.request(path, { method, headers: acceptEncoding ? { 'Accept-Encoding': acceptEncoding } : {} });

describe('hashed assets', () => {
  it('reads a chunk once and serves it from memory afterwards', async () => {
    const { app, assets } = fixture();
    expect(await (await get(app, '/assets/chunk-Bx3_k9Qa.js')).text()).toBe(SOURCE);
    rmSync(join(assets, 'chunk-Bx3_k9Qa.js'));
    rmSync(join(assets, 'chunk-Bx3_k9Qa.js.br'));
    const again = await get(app, '/assets/chunk-Bx3_k9Qa.js', 'br');
    expect(again.status).toBe(200);
    expect(brotliDecompressSync(Buffer.from(await again.arrayBuffer())).toString()).toBe(SOURCE);
  });

  it('picks brotli, then gzip, then the plain file, by what the client accepts', async () => {
    const { app } = fixture();
    const br = await get(app, '/assets/chunk-Bx3_k9Qa.js', 'gzip, deflate, br, zstd');
    expect(br.headers.get('Content-Encoding')).toBe('br');
    expect(br.headers.get('Content-Type')).toMatch(/^text\/javascript/);
    expect(br.headers.get('Vary')).toBe('Accept-Encoding');
    expect(br.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');

    const gzip = await get(app, '/assets/chunk-Bx3_k9Qa.js', 'gzip, br;q=0');
    expect(gzip.headers.get('Content-Encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gzip.arrayBuffer())).toString()).toBe(SOURCE);

    const plain = await get(app, '/assets/chunk-Bx3_k9Qa.js');
    expect(plain.headers.get('Content-Encoding')).toBeNull();
    expect(plain.headers.get('Content-Length')).toBe(String(SOURCE.length));
    expect(await plain.text()).toBe(SOURCE);
  });

  it('answers HEAD with the headers alone', async () => {
    const { app } = fixture();
    const head = await get(app, '/assets/chunk-Bx3_k9Qa.js', 'br', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('Content-Encoding')).toBe('br');
    expect((await head.arrayBuffer()).byteLength).toBe(0);
  });

  it('leaves names that are not in the build, or not hashed, to the next handler, and never remembers a miss', async () => {
    const { app, assets } = fixture();
    expect((await get(app, '/assets/later-Zz9_k9Qa.js')).status).toBe(404);
    writeFileSync(join(assets, 'later-Zz9_k9Qa.js'), SOURCE);
    expect(await (await get(app, '/assets/later-Zz9_k9Qa.js')).text()).toBe(SOURCE);
    writeFileSync(join(assets, 'plain.js'), SOURCE);
    expect(await (await get(app, '/assets/plain.js')).text()).toBe('next handler');
    expect((await get(app, '/assets/chunk-Bx3_k9Qa.js', undefined, 'POST')).status).toBe(404);
  });
});
