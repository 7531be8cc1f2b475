import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { test, expect, login, uniqueName, type Role, type SandboxApi } from './fixtures';

/**
 * axe on every screen, in the light and the dark scheme (the app follows the system's by
 * default): no serious or critical violation.
 */

const FIRST_LOAD = { timeout: 30_000 };

async function pageIn(
  browser: Browser,
  scheme: 'light' | 'dark',
  tokens?: Awaited<ReturnType<typeof login>>,
): Promise<Page> {
  const context = await browser.newContext({ colorScheme: scheme });
  if (tokens) {
    await context.addInitScript((t) => {
      window.sessionStorage.setItem(
        'ejento.session',
        JSON.stringify({ ejentoToken: t.ejento_access_token, authToken: t.access_token }),
      );
    }, tokens);
  }
  return context.newPage();
}

async function expectNoSeriousViolations(page: Page, screen: string) {
  // axe's default rule set: WCAG 2.x A and AA plus best practices (experimental rules left out).
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 5)
          .map((n) => `${n.target.join(' ')} ${n.any[0]?.message ?? ''}`)
          .join(' | ')}`,
    );
  // Soft, so one run lists the violations of every screen.
  expect.soft(serious, `${screen}: serious or critical accessibility violations`).toEqual([]);
}

/** An agent with a publish history and unpublished changes in several sections. */
async function seedAgent(admin: SandboxApi) {
  const agent = await admin.createAgent(uniqueName('A11y'));
  const base = `/api/v2/agents/${agent.id}`;
  await admin.ok('PUT', base, { sample_q1: 'How do I enrol?', prefix_prompt: 'Line one.\nLine two.' });
  await admin.ok('POST', `${base}/instructions`, { instruction: 'Cite the plan.' });
  await admin.ok('POST', `${base}/tools/5/enable`);
  await admin.ok('POST', `${base}/corpora`, { corpus_ids: [1227] });
  await admin.ok('POST', `${base}/annotates`, { add: ['benefits'] });
  await admin.publish(agent.id, 'Second version');
  await admin.ok('PUT', base, {
    sample_q1: 'How do I enrol a newborn?',
    prefix_prompt: 'Line one.\nLine 2.',
  });
  await admin.ok('POST', `${base}/instructions`, { instruction: 'Be brief.' });
  return agent;
}

for (const scheme of ['light', 'dark'] as const) {
  test(`every screen passes axe in the ${scheme} scheme`, async ({ browser, request, api }) => {
    // Fourteen screens, each analysed in full, on a shared machine.
    test.setTimeout(300_000);
    const admin = await api('admin');
    const agent = await seedAgent(admin);
    const role: Role = 'admin';

    await test.step('sign-in', async () => {
      const page = await pageIn(browser, scheme);
      await page.goto('/sign-in');
      await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible(FIRST_LOAD);
      await expectNoSeriousViolations(page, `sign-in (${scheme})`);
      await page.context().close();
    });

    const page = await pageIn(browser, scheme, await login(request, role));

    await test.step('agent list', async () => {
      await page.goto('/agents');
      await expect(page.getByRole('table', { name: 'Agents' })).toBeVisible(FIRST_LOAD);
      await expectNoSeriousViolations(page, `agent list (${scheme})`);
    });

    for (const section of ['settings', 'access', 'instructions', 'knowledge', 'tools', 'guardrails']) {
      await test.step(`edit: ${section}`, async () => {
        await page.goto(`/agents/${agent.id}/edit?section=${section}`);
        await expect(page.getByRole('navigation', { name: 'Configuration sections' })).toBeVisible(
          FIRST_LOAD,
        );
        await expect(page.getByRole('form').first()).toBeVisible(FIRST_LOAD);
        await expectNoSeriousViolations(page, `edit ${section} (${scheme})`);
      });
    }

    await test.step('review', async () => {
      await page.goto(`/agents/${agent.id}/review`);
      await expect(page.getByRole('main').getByRole('article', { name: 'System prompt' })).toBeVisible(
        FIRST_LOAD,
      );
      await expectNoSeriousViolations(page, `review (${scheme})`);
    });

    await test.step('history', async () => {
      await page.goto(`/agents/${agent.id}/history?version=2`);
      await expect(page.getByRole('heading', { name: 'Version 2', level: 2 })).toBeVisible(FIRST_LOAD);
      await expectNoSeriousViolations(page, `history (${scheme})`);
    });

    await test.step('compare', async () => {
      await page.goto(`/agents/${agent.id}/history?from=1&to=2`);
      await expect(page.getByRole('heading', { name: 'Version 1 → Version 2' })).toBeVisible(FIRST_LOAD);
      await expectNoSeriousViolations(page, `compare (${scheme})`);
    });

    await test.step('revert modal', async () => {
      await page.goto(`/agents/${agent.id}/history?version=1`);
      await page.getByRole('button', { name: 'Revert to this version…' }).click(FIRST_LOAD);
      const dialog = page.getByRole('dialog', { name: 'Revert to version 1?' });
      await expect(dialog.getByRole('region', { name: 'What changes in staging', exact: true })).toBeVisible(
        FIRST_LOAD,
      );
      await expectNoSeriousViolations(page, `revert modal (${scheme})`);
    });
    await page.context().close();
  });
}
