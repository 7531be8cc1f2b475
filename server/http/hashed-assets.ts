import type { MiddlewareHandler } from 'hono';
import { getMimeType } from 'hono/utils/mime';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { requestHeader } from './request-header';
import { acceptedEncodings } from './accept-encoding';

/** `/assets/index-DzF-p9zJ.js`: what Vite emits, named after a hash of the content. */
const HASHED_ASSET = /^\/assets\/([^/]+-[\w-]{8}\.\w+)$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';

type Encoding = 'br' | 'gzip' | 'identity';

interface Asset {
  type: string;
  bodies: Partial<Record<Encoding, Uint8Array<ArrayBuffer>>>;
}

const SUFFIX: Record<Exclude<Encoding, 'identity'>, string> = { br: '.br', gzip: '.gz' };

const readOrNull = (path: string) =>
  readFile(path).then(
    (buffer) => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength),
    () => null,
  );

/**
 * The build's hashed chunks, served from memory. A file named after its content never changes,
 * so it is read (with the .br and .gz copies the build writes beside it) on its first request
 * and kept: a cold load of the Review screen asks for about fifty chunks at once, and reading
 * each from disk cost about 4 ms of CPU a request (measured with autocannon) on the two cores
 * the browser also needs, which left the screen's API calls queued behind them. Anything else,
 * and a hashed name that is not in the build, goes on to the next handler.
 */
export function hashedAssets(distDir: string): MiddlewareHandler {
  const assets = new Map<string, Promise<Asset | null>>();

  const load = async (name: string): Promise<Asset | null> => {
    const path = join(distDir, 'assets', name);
    const [identity, br, gzip] = await Promise.all([
      readOrNull(path),
      readOrNull(path + SUFFIX.br),
      readOrNull(path + SUFFIX.gzip),
    ]);
    if (!identity) return null;
    const bodies: Asset['bodies'] = { identity };
    if (br) bodies.br = br;
    if (gzip) bodies.gzip = gzip;
    return { type: getMimeType(name) ?? 'application/octet-stream', bodies };
  };

  return async (c, next) => {
    const name = HASHED_ASSET.exec(c.req.path)?.[1];
    if (!name || (c.req.method !== 'GET' && c.req.method !== 'HEAD')) return next();
    let pending = assets.get(name);
    if (!pending) {
      pending = load(name);
      assets.set(name, pending);
    }
    const asset = await pending;
    if (!asset) {
      // Not part of this build (yet): never remembered, so the map holds only real files.
      assets.delete(name);
      return next();
    }
    const takes = acceptedEncodings(requestHeader(c, 'accept-encoding'));
    const encoding: Encoding =
      takes.has('br') && asset.bodies.br
        ? 'br'
        : takes.has('gzip') && asset.bodies.gzip
          ? 'gzip'
          : 'identity';
    const body = asset.bodies[encoding] ?? asset.bodies.identity!;
    const headers: Record<string, string> = {
      'Content-Type': asset.type,
      'Content-Length': String(body.byteLength),
      'Cache-Control': IMMUTABLE,
      Vary: 'Accept-Encoding',
    };
    if (encoding !== 'identity') headers['Content-Encoding'] = encoding;
    return c.req.method === 'HEAD' ? c.body(null, 200, headers) : c.body(body, 200, headers);
  };
}
