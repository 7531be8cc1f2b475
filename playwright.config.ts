import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 4173);
export const E2E_BASE_URL = `http://127.0.0.1:${PORT}`;
/**
 * The console in tenant mode, on the next port: configured (EJENTO_API_URL, EJENTO_API_KEY) with
 * the e2e sandbox standing in for a real tenant, as an operator would point it at theirs.
 */
export const E2E_TENANT_URL = `http://127.0.0.1:${PORT + 1}`;
export const E2E_TENANT_KEY = 'e2e-tenant-subscription-key-5d1e9a';

/** Debian's Chromium: Playwright's own browser download cannot run on these machines. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Switches on the sandbox's test-only fault injection (server/http/faults.ts) for the e2e server. */
export const E2E_FAULT_KEY = process.env.SANDBOX_FAULT_KEY ?? 'e2e-only-fault-key-0f6c2b';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  workers: 2,
  // One more try for a journey that fails: these shared 2-core machines now and then stall a
  // step past its timeout. A journey that passes only on its retry is reported as flaky in the
  // summary; one that fails twice fails the run.
  retries: 1,
  timeout: 120_000,
  expect: { timeout: 20_000 },
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: E2E_BASE_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    viewport: { width: 1440, height: 900 },
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  projects: [
    { name: 'chromium', use: { ...devices['Desktop Chrome'], viewport: { width: 1440, height: 900 } } },
  ],
  webServer: [
    {
      // The built app and a fresh in-memory sandbox, as `npm start` serves them.
      command: 'node --import tsx server/main.ts',
      url: `${E2E_BASE_URL}/healthz`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        PORT: String(PORT),
        HOST: '127.0.0.1',
        SANDBOX_DB: ':memory:',
        E2E: '1',
        SANDBOX_FAULTS: '1',
        SANDBOX_FAULT_KEY: E2E_FAULT_KEY,
      },
    },
    {
      // The same built app pointed at a tenant by configuration alone (e2e/tenant-mode.spec.ts).
      command: 'node --import tsx server/main.ts',
      url: `${E2E_TENANT_URL}/healthz`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        PORT: String(PORT + 1),
        HOST: '127.0.0.1',
        EJENTO_API_URL: E2E_BASE_URL,
        EJENTO_API_KEY: E2E_TENANT_KEY,
      },
    },
  ],
});
