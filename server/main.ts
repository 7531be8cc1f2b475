import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { createApp } from './app';
import { configFromEnv, tenantFromEnv, type TenantConfig } from './config';
import { defaultDatabasePath, openSandboxDatabase } from './db/sandbox';
import { faultOptionsFromEnv } from './http/faults';
import { createConsoleServer } from './http/node-server';
import { createTenantProxy } from './proxy';
import { DEMO_PASSWORD, DEMO_USERS } from './seed/catalogue';
import { createWebServer } from './web-server';

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
const distDir = resolve(process.env.DIST_DIR ?? './dist');

function readTenant(): TenantConfig | null {
  try {
    return tenantFromEnv();
  } catch (error) {
    console.error(`Not started: ${(error as Error).message}`);
    process.exit(1);
  }
}
const tenant = readTenant();

function sandboxApi() {
  const file = defaultDatabasePath();
  const { db, seeded } = openSandboxDatabase(file);
  console.log(`Sandbox database: ${file}${seeded ? ' (created and seeded with the demo)' : ''}`);
  const close = () => {
    db.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  return createApp({ db, config: configFromEnv() });
}

const api = tenant ? createTenantProxy(tenant) : sandboxApi();
const faults = faultOptionsFromEnv();
const app = createWebServer({ api, distDir, faults, mode: tenant ? 'tenant' : 'sandbox' });

const server = createConsoleServer(app.fetch, { hostname: host });
server.listen(port, host, () => {
  const url = `http://${host}:${(server.address() as AddressInfo).port}`;
  console.log(`Ejento staging console: ${url}`);
  if (faults) console.log('Fault injection is ON (SANDBOX_FAULTS=1): for tests only');
  if (tenant) {
    console.log(`Real-tenant mode: proxying /api/v2 and /auth-service to ${tenant.baseUrl}`);
    return;
  }
  console.log(`Demo sign-ins (password "${DEMO_PASSWORD}"):`);
  for (const user of DEMO_USERS) console.log(`  ${user.email.padEnd(22)} ${user.role}`);
});
