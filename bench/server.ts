import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { createApp } from '../server/app';
import { openDatabase } from '../server/db/database';
import { deleteDatabaseFiles } from '../server/db/sandbox';
import { seedBench } from '../server/seed/bench';
import { createConsoleServer } from '../server/http/node-server';
import { createWebServer } from '../server/web-server';

/**
 * The benchmark's server: a fresh database seeded with the bench seed (never the demo's), the
 * sandbox API and the built app exactly as `server/main.ts` serves them, plus the bench's own
 * routes under /__bench: the seed manifest, the raw texts and the plain-viewer page.
 * Prints `BENCH_READY <manifest JSON>` once it listens.
 */

const port = Number(process.env.PORT ?? 8799);
const host = '127.0.0.1';
const file = resolve(process.env.BENCH_DB ?? '/tmp/ejento-bench.db');
const distDir = resolve(process.env.DIST_DIR ?? './dist');
const plainDir = resolve(process.env.PLAIN_DIR ?? './bench/results/plain');

deleteDatabaseFiles(file);
const db = openDatabase(file);
const started = performance.now();
const manifest = seedBench(db);
const seedMs = Math.round(performance.now() - started);

const api = createApp({ db });

const bench = new Hono();
bench.get('/__bench/manifest', (c) => c.json({ ...manifest, seedMs }));
/** Production and staging prompt of an agent, for the plain-viewer page: the same two texts the review shows. */
bench.get('/__bench/texts/:agentId', (c) => {
  const configs = api.services.repos.agents.configs(Number(c.req.param('agentId')));
  if (!configs) return c.json({ error: 'no such agent' }, 404);
  const prompt = (text: string) =>
    (JSON.parse(text) as { agent_settings: { prefix_prompt: string } }).agent_settings.prefix_prompt;
  return c.json({ before: prompt(configs.production), after: prompt(configs.staging) });
});
bench.use(
  '/__bench/plain/*',
  serveStatic({
    root: plainDir,
    rewriteRequestPath: (path) => path.replace(/^\/__bench\/plain/, '') || '/index.html',
  }),
);
bench.get('/__bench/plain', (c) => c.redirect('/__bench/plain/'));
bench.route('/', createWebServer({ api, distDir, mode: 'sandbox' }));

const server = createConsoleServer(bench.fetch, { hostname: host });
server.listen(port, host, () => {
  const url = `http://${host}:${(server.address() as AddressInfo).port}`;
  console.log(`BENCH_READY ${JSON.stringify({ ...manifest, seedMs, url })}`);
});

// The database is the bench's alone: it goes with the server.
const close = () => {
  db.close();
  deleteDatabaseFiles(file);
  process.exit(0);
};
process.once('SIGINT', close);
process.once('SIGTERM', close);
