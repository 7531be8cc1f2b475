import type { Response } from '@playwright/test';
import { E2E_TENANT_KEY, E2E_TENANT_URL } from '../playwright.config';
import { test, expect, PASSWORD, USERS, uniqueName } from './fixtures';

/**
 * The console pointed at a tenant by configuration alone: the second e2e server runs with
 * EJENTO_API_URL and EJENTO_API_KEY, the sandbox standing in for the tenant. A person signs in,
 * edits and reviews through the proxy; the subscription key never reaches the browser, and the
 * proxy compresses what it passes on.
 */

test.use({ baseURL: E2E_TENANT_URL });

test('on a tenant, an editor signs in, saves and reviews through the proxy, and never sees its key', async ({
  page,
  api,
}) => {
  // Seeded through the tenant-mode server too: its proxy adds the key the tenant expects.
  const admin = await api('admin');
  const agent = await admin.createAgent(uniqueName('Tenant'));

  const seen: { url: string; headers: string; body: string; encoding: string | null }[] = [];
  const record = async (response: Response) => {
    const headers = await response.allHeaders();
    const body = await response.text().catch(() => '');
    seen.push({
      url: response.url(),
      headers: JSON.stringify(headers),
      body,
      encoding: headers['content-encoding'] ?? null,
    });
  };
  const recording: Promise<void>[] = [];
  page.on('response', (response) => recording.push(record(response)));

  await test.step('the sign-in page offers no sandbox accounts: this is a tenant', async () => {
    await page.goto('/sign-in');
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
    await expect(page.getByText('Sandbox sign-ins')).toHaveCount(0);
  });

  await test.step('signing in goes through the proxy to the tenant’s auth service', async () => {
    await page.getByLabel('E-mail').fill(USERS.editor);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { name: 'Agents', level: 1 })).toBeVisible();
  });

  await test.step('a saved edit lands in the tenant’s staging and shows on Review', async () => {
    await page.goto(`/agents/${agent.id}/edit?section=settings`);
    await page.getByRole('textbox', { name: 'Description' }).fill('Saved through the tenant proxy.');
    const form = page.getByRole('form').filter({ has: page.getByRole('button', { name: 'Save settings' }) });
    await form.getByRole('button', { name: 'Save settings' }).click();
    await expect(form.getByText('Saved to staging.')).toBeVisible();
    const staging = await admin.call<{ domain: string }>('GET', `/api/v2/agents/${agent.id}?env=staging`);
    expect(staging.body.data.domain).toBe('Saved through the tenant proxy.');

    await page.getByRole('link', { name: 'Review changes' }).first().click();
    const description = page.getByRole('article', { name: 'Description' });
    await expect(description).toBeVisible({ timeout: 30_000 });
    await expect(description).toContainText('Saved through the tenant proxy.');
  });

  await test.step('the key is nowhere the browser can read, and large answers came compressed', async () => {
    await Promise.all(recording);
    const api = seen.filter((r) => new URL(r.url).pathname.startsWith('/api/v2/'));
    expect(api.length).toBeGreaterThan(3);
    for (const r of seen) {
      expect(r.headers, r.url).not.toContain(E2E_TENANT_KEY);
      expect(r.body, r.url).not.toContain(E2E_TENANT_KEY);
    }
    const stored = await page.evaluate(() => JSON.stringify({ ...sessionStorage, ...localStorage }));
    expect(stored).not.toContain(E2E_TENANT_KEY);
    expect(await page.content()).not.toContain(E2E_TENANT_KEY);
    const detail = api.find((r) => new URL(r.url).pathname === `/api/v2/agents/${agent.id}`);
    expect(detail?.encoding, 'the agent, passed on by the proxy').toBe('gzip');
  });
});
