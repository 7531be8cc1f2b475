import type { Browser, Page } from '@playwright/test';
import { test, expect, login, uniqueName, type SandboxApi, type Tokens } from './fixtures';

/**
 * Stored XSS: payloads in every user-editable text render as inert text on every screen,
 * including the diffs. The page runs with its Content-Security-Policy bypassed, so that an
 * injection the CSP would have blocked still fails this test: the app itself must never turn
 * text into markup.
 */

const FIRST_LOAD = { timeout: 30_000 };

/** Each payload sets window.__xss (or opens a dialog) if it ever runs. */
const P = {
  img: '<img src=x onerror="window.__xss=1">',
  script: '<script>window.__xss=1</script>',
  svg: '"><svg onload=window.__xss=1>',
  js: 'javascript:window.__xss=1//',
  alert: "'><iframe src=javascript:alert(1)></iframe>",
};

type Seeded = Awaited<ReturnType<typeof seed>>;

async function seed(admin: SandboxApi) {
  const name = `${P.img} ${uniqueName('XSS')}`;
  const agent = await admin.createAgent(name);
  const base = `/api/v2/agents/${agent.id}`;

  await test.step('a javascript: URL is refused where a URL is stored', async () => {
    const refused = await admin.call('POST', `${base}/sharepoint/folder`, {
      folder_url: 'javascript:window.__xss=1//.sharepoint.com/',
    });
    expect(refused.status).toBe(422);
  });

  const published = {
    domain: `Published description ${P.svg}`,
    prompt: `You are helpful.\n${P.script}\n${P.img}`,
    instruction: `Published instruction ${P.alert}`,
    tag: '<b onmouseover=x>tag',
    folderUrl: `https://northwind.sharepoint.com/sites/${P.svg}`,
    folderName: `Folder ${P.img}`,
    config: `${P.js}${P.script}`,
    note: `Note ${P.script} ${P.img}`,
  };
  await admin.ok('PUT', base, { domain: published.domain, prefix_prompt: published.prompt, sample_q1: P.js });
  await admin.ok('POST', `${base}/instructions`, { instruction: published.instruction });
  await admin.ok('POST', `${base}/annotates`, { add: [published.tag] });
  await admin.ok('POST', `${base}/sharepoint/folder`, {
    folder_url: published.folderUrl,
    folder_name: published.folderName,
  });
  await admin.ok('POST', `${base}/tools/5/enable`);
  await admin.ok('PATCH', `${base}/tools/5/actions/9`, {
    config: { project_key: published.config, [P.svg]: P.img },
  });
  await admin.publish(agent.id, published.note);

  // Staging then differs from production in every payload, so the diffs show both sides.
  const staged = {
    domain: `Staged description ${P.img}`,
    prompt: `You are helpful.\n${P.svg}\n${P.script}`,
    tag: '<script>t</script>',
    config: `${P.img}`,
  };
  const { instructions } = await admin.staging<{ instructions: { id: number; instruction: string }[] }>(
    agent.id,
  );
  await admin.ok('PUT', base, { domain: staged.domain, prefix_prompt: staged.prompt });
  await admin.ok('PUT', `${base}/instructions`, {
    instructions: instructions.map((i) => ({ ...i, instruction: `Staged instruction ${P.script}` })),
  });
  await admin.ok('POST', `${base}/annotates`, { add: [staged.tag], remove: [published.tag] });
  await admin.ok('PATCH', `${base}/tools/5/actions/9`, { config: { project_key: staged.config } });
  return { agent: { ...agent, agent_name: name }, published, staged };
}

/** A signed-in page with the CSP bypassed and every way a payload could run reported. */
async function unguardedPageAs(browser: Browser, tokens: Tokens) {
  const context = await browser.newContext({ bypassCSP: true });
  await context.addInitScript((t: Tokens) => {
    if (!window.sessionStorage.getItem('e2e.seeded')) {
      window.sessionStorage.setItem('e2e.seeded', '1');
      window.sessionStorage.setItem(
        'ejento.session',
        JSON.stringify({ ejentoToken: t.ejento_access_token, authToken: t.access_token }),
      );
    }
  }, tokens);
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return { page, dialogs };
}

/** Nothing ran and nothing was injected: no flag, no dialog, no element a payload would create. */
async function expectInert(page: Page, dialogs: string[], where: string) {
  const found = await page.evaluate(() => ({
    flag: (window as unknown as { __xss?: unknown }).__xss,
    injected: document.querySelectorAll(
      'img[src="x"], svg[onload], iframe, script:not([src]), [onerror], [onload], [onmouseover], a[href^="javascript:" i]',
    ).length,
  }));
  expect(found.flag, `${where}: a payload ran`).toBeUndefined();
  expect(found.injected, `${where}: a payload became markup`).toBe(0);
  expect(dialogs, `${where}: a dialog opened`).toEqual([]);
}

test('stored XSS payloads render as inert text on every screen, including the diffs', async ({
  api,
  browser,
  request,
}) => {
  test.slow();
  const admin = await api('admin');
  const s: Seeded = await seed(admin);
  const { page, dialogs } = await unguardedPageAs(browser, await login(request, 'admin'));
  const id = s.agent.id;

  await test.step('agent list', async () => {
    await page.goto(`/agents?q=${encodeURIComponent(s.agent.agent_name.slice(-12))}`);
    await expect(page.getByRole('link', { name: s.agent.agent_name })).toBeVisible(FIRST_LOAD);
    await expect(page.getByText(s.staged.domain)).toBeVisible();
    await expectInert(page, dialogs, 'agent list');
  });

  await test.step('edit: settings', async () => {
    await page.goto(`/agents/${id}/edit?section=settings`);
    const form = page.getByRole('form', { name: 'Settings' });
    await expect(page.getByRole('heading', { name: s.agent.agent_name, level: 1 })).toBeVisible(FIRST_LOAD);
    await expect(form.getByRole('textbox', { name: 'Name' })).toHaveValue(s.agent.agent_name);
    await expect(form.getByRole('textbox', { name: 'Description' })).toHaveValue(s.staged.domain);
    await expect(form.getByRole('textbox', { name: 'System prompt' })).toHaveValue(s.staged.prompt);
    await expect(form.getByRole('textbox', { name: 'Sample question 1' })).toHaveValue(P.js);
    await expectInert(page, dialogs, 'settings');
  });

  await test.step('edit: access and tags', async () => {
    await page.goto(`/agents/${id}/edit?section=access`);
    await expect(page.getByRole('form', { name: 'Access and tags' }).getByText(s.staged.tag)).toBeVisible(
      FIRST_LOAD,
    );
    await expectInert(page, dialogs, 'access and tags');
  });

  await test.step('edit: instructions', async () => {
    await page.goto(`/agents/${id}/edit?section=instructions`);
    await expect(page.getByRole('textbox', { name: 'Instruction 1' })).toHaveValue(
      `Staged instruction ${P.script}`,
      FIRST_LOAD,
    );
    await expectInert(page, dialogs, 'instructions');
  });

  await test.step('edit: knowledge sources and the SharePoint folder', async () => {
    await page.goto(`/agents/${id}/edit?section=knowledge`);
    const folder = page.getByRole('form', { name: 'SharePoint folder' });
    // Stored as the browser writes an address: its spaces as %20.
    await expect(folder.getByRole('textbox', { name: 'Folder address' })).toHaveValue(
      s.published.folderUrl.replace(/ /g, '%20'),
      FIRST_LOAD,
    );
    await expect(folder.getByRole('textbox', { name: 'Display name' })).toHaveValue(s.published.folderName);
    await expectInert(page, dialogs, 'knowledge sources');
  });

  await test.step('edit: tools and an action configuration', async () => {
    await page.goto(`/agents/${id}/edit?section=tools`);
    await page.getByRole('button', { name: 'Edit configuration of “Create issue”' }).click(FIRST_LOAD);
    await expect(page.getByRole('textbox', { name: 'Configuration of “Create issue”' })).toHaveValue(
      new RegExp(escape(JSON.stringify(s.staged.config))),
    );
    await expectInert(page, dialogs, 'tools');
  });

  await test.step('edit: guardrails', async () => {
    await page.goto(`/agents/${id}/edit?section=guardrails`);
    await expect(page.getByRole('form', { name: 'Guardrails' })).toBeVisible(FIRST_LOAD);
    await expectInert(page, dialogs, 'guardrails');
  });

  await test.step('review: the staging diff shows both sides as text', async () => {
    await page.goto(`/agents/${id}/review`);
    const main = page.getByRole('main');
    await expect(main.getByRole('article', { name: 'Description' })).toContainText(
      s.staged.domain,
      FIRST_LOAD,
    );
    await expect(main.getByRole('article', { name: 'Description' })).toContainText(s.published.domain);
    await expect(main.getByRole('article', { name: 'System prompt' })).toContainText(P.svg);
    await expect(main.getByRole('article', { name: 'Instruction 1' })).toContainText(
      `Staged instruction ${P.script}`,
    );
    await expectInert(page, dialogs, 'review');
  });

  await test.step('history: the timeline and a record with its note and changes', async () => {
    await page.goto(`/agents/${id}/history?version=2`);
    await expect(page.getByRole('heading', { name: 'Version 2', level: 2 })).toBeVisible(FIRST_LOAD);
    await expect(page.getByText(s.published.note).first()).toBeVisible();
    await expectInert(page, dialogs, 'history');
  });

  await test.step('history: comparing two versions', async () => {
    await page.goto(`/agents/${id}/history?from=1&to=2`);
    await expect(page.getByRole('heading', { name: 'Version 1 → Version 2' })).toBeVisible(FIRST_LOAD);
    await expect(page.getByRole('main').getByRole('article', { name: 'Description' })).toContainText(
      s.published.domain,
    );
    await expectInert(page, dialogs, 'compare');
  });

  await test.step('the revert modal’s preview', async () => {
    await page.goto(`/agents/${id}/history?version=1`);
    await page.getByRole('button', { name: 'Revert to this version…' }).click(FIRST_LOAD);
    const dialog = page.getByRole('dialog', { name: 'Revert to version 1?' });
    const staging = dialog.getByRole('region', { name: 'What changes in staging', exact: true });
    await expect(staging.getByRole('article', { name: 'Description' })).toContainText(s.staged.domain);
    await expectInert(page, dialogs, 'revert modal');
  });
});

/** A string as a literal inside a RegExp. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
