import { serve } from '@hono/node-server';
import { createServer } from 'vite';
import { createApp } from './app';
import { configFromEnv } from './config';
import { defaultDatabasePath, openSandboxDatabase } from './db/sandbox';
import { DEMO_PASSWORD, DEMO_USERS } from './seed/catalogue';

/** The sandbox API on 8787, then Vite's dev server, which proxies /api and /auth-service to it. */
const apiPort = Number(process.env.API_PORT ?? 8787);
// vite.config.ts reads API_TARGET when it loads, so a moved API port still gets proxied.
process.env.API_TARGET ??= `http://127.0.0.1:${apiPort}`;
const file = defaultDatabasePath();
const { db, seeded } = openSandboxDatabase(file);
const api = createApp({ db, config: configFromEnv() });

serve({ fetch: api.fetch, port: apiPort, hostname: '127.0.0.1' }, (info) => {
  console.log(
    `Sandbox API: http://127.0.0.1:${info.port} (database ${file}${seeded ? ', freshly seeded' : ''})`,
  );
});

const vite = await createServer({ server: { host: '127.0.0.1' } });
await vite.listen();
const urls = vite.resolvedUrls?.local ?? [];
console.log(`Web app (Vite): ${urls.join(', ')}`);
console.log(`Demo sign-ins (password "${DEMO_PASSWORD}"): ${DEMO_USERS.map((u) => u.email).join(', ')}`);

const stop = async () => {
  await vite.close();
  db.close();
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
