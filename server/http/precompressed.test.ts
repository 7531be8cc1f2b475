import { Hono } from 'hono';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createEncodedBodyCache } from './precompressed';

function appServing(value: object) {
  const app = new Hono();
  const encoded = createEncodedBodyCache<object>();
  let encodings = 0;
  app.get('/diff', (c) =>
    encoded(c, value, () => {
      encodings++;
      return JSON.stringify(value);
    }),
  );
  return { app, encodings: () => encodings };
}

const big = { text: 'A line of a long system prompt.\n'.repeat(5_000) };

async function compressedOnceReady(app: Hono, acceptEncoding: string): Promise<Response> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const response = await app.request('/diff', { headers: { 'accept-encoding': acceptEncoding } });
    if (response.headers.get('content-encoding') !== null) return response;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('The body was never served compressed');
}

describe('encoded body cache', () => {
  it('answers at once with the plain body, then with brotli once it is compressed', async () => {
    const { app } = appServing(big);
    const first = await app.request('/diff', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(first.headers.get('content-encoding')).toBeNull();
    expect(first.headers.get('vary')).toBe('Accept-Encoding');
    expect(await first.json()).toEqual(big);

    const later = await compressedOnceReady(app, 'gzip, deflate, br');
    expect(later.headers.get('content-encoding')).toBe('br');
    const body = Buffer.from(await later.arrayBuffer());
    expect(body.length).toBeLessThan(JSON.stringify(big).length / 10);
    expect(JSON.parse(brotliDecompressSync(body).toString('utf8'))).toEqual(big);
  });

  it('serves gzip to a client that does not take brotli, and nothing compressed to one that takes neither', async () => {
    const { app } = appServing(big);
    const gzipped = await compressedOnceReady(app, 'gzip');
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    expect(JSON.parse(gunzipSync(Buffer.from(await gzipped.arrayBuffer())).toString('utf8'))).toEqual(big);

    const plain = await app.request('/diff');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.json()).toEqual(big);
  });

  it('takes a coding refused with q=0 as refused', async () => {
    const { app } = appServing(big);
    await compressedOnceReady(app, 'gzip, br');
    const noBrotli = await compressedOnceReady(app, 'br;q=0, gzip');
    expect(noBrotli.headers.get('content-encoding')).toBe('gzip');
    const neither = await app.request('/diff', {
      headers: { 'accept-encoding': 'br;q=0, gzip;q=0, identity' },
    });
    expect(neither.headers.get('content-encoding')).toBeNull();
    expect(await neither.json()).toEqual(big);
  });

  it('encodes each value once however often it is requested', async () => {
    const { app, encodings } = appServing(big);
    for (let i = 0; i < 3; i++) await app.request('/diff');
    expect(encodings()).toBe(1);
  });
});
