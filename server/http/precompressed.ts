import type { Context } from 'hono';
import { requestHeader } from './request-header';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { acceptedEncodings } from './accept-encoding';

type Encoding = 'br' | 'gzip';

interface Entry {
  identity: Uint8Array<ArrayBuffer>;
  /** Filled in the background, off the event loop (zlib runs on libuv's thread pool). */
  compressed: Partial<Record<Encoding, Uint8Array<ArrayBuffer>>>;
  started: boolean;
}

const compress = (encoding: Encoding, body: Uint8Array): Promise<Uint8Array<ArrayBuffer>> =>
  new Promise((resolve, reject) => {
    const done = (error: Error | null, result: Buffer) =>
      error ? reject(error) : resolve(new Uint8Array(result));
    if (encoding === 'br') {
      // Quality 5: about a third of gzip's size on prose, at gzip's speed.
      brotliCompress(
        body,
        { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } },
        done,
      );
    } else {
      gzip(body, { level: 6 }, done);
    }
  });

/** The compressed codings the client takes, best first (a `;q=0` refuses one). */
function accepted(header: string | undefined): Encoding[] {
  const codings = acceptedEncodings(header);
  return (['br', 'gzip'] as const).filter((e) => codings.has(e));
}

/**
 * JSON bodies of cached values (a staging diff of a 20,000-line prompt is 3 MB), encoded once
 * per value and compressed once, in the background: a request never waits for compression, it
 * gets the identity body until the compressed one is ready. Keyed weakly by the cached value,
 * so an entry goes when the diff cache drops the value.
 */
export function createEncodedBodyCache<K extends object>() {
  const entries = new WeakMap<K, Entry>();
  // The response is built with plain headers, not through `c.body`: with more than one header,
  // Hono builds a `Headers`, and the Node adapter then copies it back into a plain object.
  return (c: Context, value: K, encode: () => string, extraHeaders?: Record<string, string>): Response => {
    let entry = entries.get(value);
    if (!entry) {
      entry = { identity: new TextEncoder().encode(encode()), compressed: {}, started: false };
      entries.set(value, entry);
    }
    const headers: Record<string, string> = {
      'Content-Type': 'application/json; charset=UTF-8',
      Vary: 'Accept-Encoding',
      ...extraHeaders,
    };
    for (const encoding of accepted(requestHeader(c, 'accept-encoding'))) {
      const body = entry.compressed[encoding];
      if (body) {
        headers['Content-Encoding'] = encoding;
        return new Response(body, { status: 200, headers });
      }
    }
    if (!entry.started && entry.identity.length > 1024) {
      entry.started = true;
      const target = entry;
      for (const encoding of ['br', 'gzip'] as const) {
        compress(encoding, target.identity).then(
          (body) => (target.compressed[encoding] = body),
          (error: unknown) => console.error(`Compressing a response body (${encoding}) failed:`, error),
        );
      }
    }
    return new Response(entry.identity, { status: 200, headers });
  };
}
