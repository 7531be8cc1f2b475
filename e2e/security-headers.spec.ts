import type { Page } from '@playwright/test';
import { test, expect, uniqueName } from './fixtures';

/**
 * The production server's security headers, checked against the built app in a real browser:
 * the Content-Security-Policy allows no inline scripts, and nothing on the main screens (the
 * diff viewer's blob: worker and injected styles included) violates it. Tokens never appear in
 * a URL, in local storage or in the console.
 */

const FIRST_LOAD = { timeout: 30_000 };

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

test('every response carries the security headers, and the policy allows no inline script', async ({
  request,
  api,
}) => {
  const admin = await api('admin');
  const agent = await admin.createAgent(uniqueName('Headers'));
  const html = await request.get(`/agents/${agent.id}/review`);
  const script = /<script[^>]+src="([^"]+)"/.exec(await html.text())?.[1];
  expect(script, 'index.html loads its code from a file').toBeTruthy();
  const responses = {
    page: html,
    asset: await request.get(script!),
    api: await request.get(`/api/v2/agents/${agent.id}`, {
      headers: { Authorization: `Bearer ${admin.tokens.ejento_access_token}` },
    }),
    apiError: await request.get('/api/v2/agents'),
    health: await request.get('/healthz'),
  };
  for (const [name, response] of Object.entries(responses)) {
    const headers = response.headers();
    expect(headers['x-content-type-options'], name).toBe('nosniff');
    expect(headers['referrer-policy'], name).toBe('no-referrer');
    const csp = directives(headers['content-security-policy'] ?? '');
    const scripts = csp.get('script-src') ?? csp.get('default-src');
    expect(scripts, `${name}: script-src`).toBeDefined();
    expect(scripts, name).not.toContain("'unsafe-inline'");
    expect(scripts, name).not.toContain("'unsafe-eval'");
    expect(scripts, name).not.toContain('*');
    expect(csp.get('frame-ancestors'), name).toEqual(["'none'"]);
    expect(csp.get('worker-src'), name).toContain('blob:');
    expect(csp.get('object-src') ?? csp.get('default-src'), name).not.toContain('*');
  }
});

/** Collects CSP violations (the DOM event and the console's report) from the first script on. */
async function watchPolicy(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  const console: string[] = [];
  page.on('console', (m) => console.push(m.text()));
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  return {
    console,
    urls,
    async violations() {
      const events = await page.evaluate(
        () => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [],
      );
      return [...events, ...console.filter((t) => /Content Security Policy/i.test(t))];
    },
  };
}

test('the main screens run under the policy without a single violation, and tokens stay out of URLs and logs', async ({
  api,
  signedIn,
}) => {
  test.slow();
  const admin = await api('admin');
  const agent = await admin.createAgent(uniqueName('CSP journey'));
  const base = `/api/v2/agents/${agent.id}`;
  // A text change, so the review and history screens run the diff viewer (its worker included).
  await admin.ok('PUT', base, {
    prefix_prompt: Array.from({ length: 40 }, (_, i) => `Rule ${i}: be precise.`).join('\n'),
  });
  await admin.publish(agent.id, 'Long prompt');
  await admin.ok('PUT', base, {
    prefix_prompt: Array.from(
      { length: 40 },
      (_, i) => `Rule ${i}: be ${i === 7 ? 'kind' : 'precise'}.`,
    ).join('\n'),
  });

  const page = await signedIn('admin');
  const watch = await watchPolicy(page);

  await test.step('sign-in, list and every edit section', async () => {
    await page.goto('/sign-in');
    await page.goto('/agents');
    await expect(page.getByRole('heading', { name: 'Agents', level: 1 })).toBeVisible(FIRST_LOAD);
    for (const section of ['settings', 'access', 'instructions', 'knowledge', 'tools', 'guardrails']) {
      await page.goto(`/agents/${agent.id}/edit?section=${section}`);
      await expect(page.getByRole('heading', { name: agent.agent_name, level: 1 })).toBeVisible(FIRST_LOAD);
    }
    expect(await watch.violations()).toEqual([]);
  });

  await test.step('review with a text diff', async () => {
    await page.goto(`/agents/${agent.id}/review`);
    await expect(page.getByRole('main').getByRole('article', { name: 'System prompt' })).toContainText(
      'kind',
      FIRST_LOAD,
    );
    expect(await watch.violations()).toEqual([]);
  });

  await test.step('history, a compared pair and the revert modal', async () => {
    await page.goto(`/agents/${agent.id}/history?from=1&to=2`);
    await expect(page.getByRole('main').getByRole('article', { name: 'System prompt' })).toBeVisible(
      FIRST_LOAD,
    );
    await page.goto(`/agents/${agent.id}/history?version=1`);
    await page.getByRole('button', { name: 'Revert to this version…' }).click(FIRST_LOAD);
    await expect(
      page.getByRole('dialog', { name: 'Revert to version 1?' }).getByRole('region').first(),
    ).toBeVisible();
    expect(await watch.violations()).toEqual([]);
  });

  await test.step('tokens live in session storage only: never in a URL, local storage or the console', async () => {
    const session = await page.evaluate(
      () => JSON.parse(window.sessionStorage.getItem('ejento.session') ?? '{}') as Record<string, string>,
    );
    // The two tokens (beside them, the sign-in's family id, which is no secret).
    const tokens = [session.ejentoToken, session.authToken].filter((t): t is string => Boolean(t));
    expect(tokens.length).toBe(2);
    const local = await page.evaluate(() => JSON.stringify({ ...window.localStorage }) + document.cookie);
    for (const token of tokens) {
      expect(local).not.toContain(token);
      expect(watch.urls.filter((u) => u.includes(token))).toEqual([]);
      expect(watch.console.filter((t) => t.includes(token))).toEqual([]);
    }
    expect(watch.urls.length).toBeGreaterThan(10);
  });
});
