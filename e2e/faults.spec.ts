import type { Page } from '@playwright/test';
import { test, expect, uniqueName, type Role, type SandboxApi } from './fixtures';

/**
 * The console under faults injected by the sandbox (server/http/faults.ts, on only for e2e): each
 * rule is scoped to this test's own agent, so parallel tests never see it.
 */

const FIRST_LOAD = { timeout: 30_000 };

/** Text with characters that trip up naive handling: quotes, markup, emoji, a newline, spaces at the end. */
const TYPED_DESCRIPTION =
  'Answers “benefits” questions <fast> & well — ✓ 🚑\nSecond line with trailing spaces   ';
const TYPED_QUESTION = 'Can I add my newborn after 30 days? (ask: "HR-42")';

async function openSettings(page: Page, agentId: number) {
  await page.goto(`/agents/${agentId}/edit?section=settings`);
  const form = page.getByRole('form', { name: 'Settings' });
  await expect(form.getByRole('textbox', { name: 'Description' })).toBeVisible(FIRST_LOAD);
  return form;
}

for (const mode of ['status500', 'drop'] as const) {
  test(`a save that fails (${mode === 'drop' ? 'dropped connection' : 'server error'}) keeps every typed character and succeeds on retry`, async ({
    api,
    signedIn,
    faults,
  }) => {
    const admin = await api('admin');
    const agent = await admin.createAgent(uniqueName(`Save fault ${mode}`));
    const page = await signedIn('editor');
    const form = await openSettings(page, agent.id);

    await test.step('the editor types, and the save fails', async () => {
      await form.getByRole('textbox', { name: 'Description' }).fill(TYPED_DESCRIPTION);
      await form.getByRole('textbox', { name: 'Sample question 1' }).fill(TYPED_QUESTION);
      // Chromium silently resends a request whose reused keep-alive connection closed before any
      // answer, once per idle connection it holds: the rule outlasts every resend, and what is left
      // of it is removed before the user retries.
      await faults.add({ method: 'PUT', path: `^/api/v2/agents/${agent.id}$`, mode, times: 50 });
      await form.getByRole('button', { name: 'Save settings' }).click();
      const alert = page.getByRole('alert').filter({ hasText: 'Your changes were not saved' });
      await expect(alert).toBeVisible();
      await expect(alert).toContainText('Everything you typed is still here.');
      await faults.clear();
    });

    await test.step('every typed character is still in the form, and nothing reached staging', async () => {
      await expect(form.getByRole('textbox', { name: 'Description' })).toHaveValue(TYPED_DESCRIPTION);
      await expect(form.getByRole('textbox', { name: 'Sample question 1' })).toHaveValue(TYPED_QUESTION);
      const staging = await admin.staging<{ domain: string; sample_q1: string }>(agent.id);
      expect(staging.sample_q1).toBe('');
    });

    await test.step('"Try again" saves exactly what was typed', async () => {
      await page.getByRole('alert').getByRole('button', { name: 'Try again' }).click();
      await expect(page.getByRole('alert').filter({ hasText: 'Your changes were not saved' })).toBeHidden();
      await expect
        .poll(async () => admin.staging<{ domain: string; sample_q1: string }>(agent.id))
        .toMatchObject({ domain: TYPED_DESCRIPTION, sample_q1: TYPED_QUESTION });
      await expect(form.getByRole('textbox', { name: 'Description' })).toHaveValue(TYPED_DESCRIPTION);
    });
  });
}

test('a save whose answer is lost is found in staging and shown saved, not as a conflict with oneself', async ({
  api,
  signedIn,
  faults,
}) => {
  const admin = await api('admin');
  const agent = await admin.createAgent(uniqueName('Lost save'));
  const page = await signedIn('editor');
  const form = await openSettings(page, agent.id);
  await form.getByRole('textbox', { name: 'Description' }).fill(TYPED_DESCRIPTION);
  await faults.add({
    method: 'PUT',
    path: `^/api/v2/agents/${agent.id}$`,
    mode: 'after-commit-drop',
    times: 50,
  });
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Saved to staging.')).toBeVisible();
  await faults.clear();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(form.getByRole('textbox', { name: 'Description' })).toHaveValue(TYPED_DESCRIPTION);
  expect((await admin.staging<{ domain: string }>(agent.id)).domain).toBe(TYPED_DESCRIPTION);
});

test('a save that stalls past the client’s timeout keeps what was typed and succeeds on retry', async ({
  api,
  signedIn,
  faults,
}) => {
  // The web app gives up on a request after 30 s.
  test.setTimeout(120_000);
  const admin = await api('admin');
  const agent = await admin.createAgent(uniqueName('Save stall'));
  const page = await signedIn('editor');
  const form = await openSettings(page, agent.id);
  await form.getByRole('textbox', { name: 'Sample question 1' }).fill(TYPED_QUESTION);
  await faults.add({ method: 'PUT', path: `^/api/v2/agents/${agent.id}$`, mode: 'stall', stall_ms: 45_000 });
  await form.getByRole('button', { name: 'Save settings' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Your changes were not saved' });
  await expect(alert).toContainText('took too long', { timeout: 45_000 });
  await expect(form.getByRole('textbox', { name: 'Sample question 1' })).toHaveValue(TYPED_QUESTION);
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect
    .poll(async () => (await admin.staging<{ sample_q1: string }>(agent.id)).sample_q1)
    .toBe(TYPED_QUESTION);
});

/** A new agent with one unpublished change, and a reviewer on its Review tab. */
async function reviewerOnPendingChange(
  api: (role: Role) => Promise<SandboxApi>,
  signedIn: (role: Role) => Promise<Page>,
  name: string,
) {
  const admin = await api('admin');
  const agent = await admin.createAgent(uniqueName(name));
  await admin.ok('PUT', `/api/v2/agents/${agent.id}`, { sample_q1: 'Pending question' });
  const page = await signedIn('reviewer');
  await page.goto(`/agents/${agent.id}/review`);
  await expect(page.getByRole('main').getByRole('article', { name: 'Sample question 1' })).toBeVisible(
    FIRST_LOAD,
  );
  return { admin, agent, page, dialog: page.getByRole('dialog', { name: 'Publish to production' }) };
}

test('a publish whose response is lost is not published twice, and the screen ends in the true state', async ({
  api,
  signedIn,
  faults,
}) => {
  const { admin, agent, page, dialog } = await reviewerOnPendingChange(api, signedIn, 'Lost publish');
  await test.step('the publish goes through on the server but its response never arrives', async () => {
    // Chromium may resend the POST by itself (once per idle keep-alive connection) when the
    // connection closes unanswered; every such resend reaches the server and loses its answer too,
    // and the server must refuse to publish again.
    await faults.add({
      method: 'POST',
      path: `^/api/v2/agents/${agent.id}/publish$`,
      mode: 'after-commit-drop',
      times: 50,
    });
    await page.getByRole('button', { name: 'Publish…' }).click();
    await dialog.getByRole('textbox', { name: 'Note' }).fill('Lost in transit');
    await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
  });

  await test.step('the console finds the publish in the history and reports it, published once', async () => {
    await expect(dialog).toBeHidden();
    const status = page.getByRole('status').filter({ hasText: 'Published version 2 to production' });
    await expect(status).toBeVisible();
    await expect(status.getByRole('link', { name: 'See version 2 in the history' })).toBeVisible();
    await expect(page.getByText('Staging matches production: nothing to publish.')).toBeVisible();
    await faults.clear();
    const history = await admin.ok<{
      total_records: number;
      publish_records: { version: number; note: string }[];
    }>('GET', `/api/v2/agents/${agent.id}/publishes`);
    expect(history.total_records).toBe(2);
    expect(history.publish_records[0]).toMatchObject({ version: 2, note: 'Lost in transit' });
  });

  await test.step('the header shows the version that really went live', async () => {
    await expect(page.getByText('Live v2')).toBeVisible();
    await expect(page.getByText('Unpublished changes', { exact: true })).toBeHidden();
  });
});

test('a publish whose response is lost before it reaches the server says so, keeps the note, and a retry publishes', async ({
  api,
  signedIn,
  faults,
}) => {
  const { admin, agent, page, dialog } = await reviewerOnPendingChange(api, signedIn, 'Dropped publish');

  await test.step('the connection drops before the server publishes: the dialog says so', async () => {
    await faults.add({
      method: 'POST',
      path: `^/api/v2/agents/${agent.id}/publish$`,
      mode: 'drop',
      times: 50,
    });
    await page.getByRole('button', { name: 'Publish…' }).click();
    await dialog.getByRole('textbox', { name: 'Note' }).fill('Second try');
    await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect(dialog.getByRole('alert')).toContainText('could not be reached');
    await expect(dialog.getByRole('textbox', { name: 'Note' })).toHaveValue('Second try');
    await faults.clear();
    const history = await admin.ok<{ total_records: number }>('GET', `/api/v2/agents/${agent.id}/publishes`);
    expect(history.total_records).toBe(1);
  });

  await test.step('publishing again goes through', async () => {
    await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'Published version 2 to production' }),
    ).toBeVisible();
    await expect(page.getByText('Live v2')).toBeVisible();
  });
});

test('a rollback that fails leaves staging untouched, and a retry reverts', async ({
  api,
  signedIn,
  faults,
}) => {
  const admin = await api('admin');
  const agent = await admin.createAgent(uniqueName('Failed rollback'));
  const base = `/api/v2/agents/${agent.id}`;
  await admin.ok('PUT', base, { sample_q1: 'Version two question' });
  await admin.publish(agent.id, 'Version two');
  await admin.ok('PUT', base, { sample_q2: 'Unpublished draft' });
  const before = await admin.staging<{ staging_revision: number }>(agent.id);

  const page = await signedIn('admin');
  await page.goto(`/agents/${agent.id}/history?version=1`);
  await page.getByRole('button', { name: 'Revert to this version…' }).click(FIRST_LOAD);
  const dialog = page.getByRole('dialog', {
    name: /^(Revert to version 1\?|Staging reverted to version 1)$/,
  });
  await expect(dialog.getByRole('region', { name: 'What changes in staging', exact: true })).toBeVisible();

  await test.step('the server fails the rollback: the modal says so and staging is exactly as before', async () => {
    await faults.add({ method: 'PUT', path: `^${base}/rollback$`, mode: 'status500' });
    await dialog.getByRole('button', { name: 'Revert staging to version 1' }).click();
    await expect(dialog.getByRole('alert', { name: 'The revert failed' })).toBeVisible();
    await expect(dialog.getByText('Staging now holds version 1')).toBeHidden();
    expect(await admin.staging(agent.id)).toEqual(before);
  });

  await test.step('confirming again reverts', async () => {
    await dialog.getByRole('button', { name: 'Revert staging to version 1' }).click();
    await expect(dialog.getByText('Staging now holds version 1')).toBeVisible();
    expect(await admin.staging(agent.id)).toMatchObject({ sample_q1: '', sample_q2: '' });
  });
});

test('a rollback whose answer is lost is found done, and the modal says so', async ({
  api,
  signedIn,
  faults,
}) => {
  const admin = await api('admin');
  const agent = await admin.createAgent(uniqueName('Lost rollback'));
  const base = `/api/v2/agents/${agent.id}`;
  await admin.ok('PUT', base, { sample_q1: 'Version two question' });
  await admin.publish(agent.id, 'Version two');

  const page = await signedIn('admin');
  await page.goto(`/agents/${agent.id}/history?version=1`);
  await page.getByRole('button', { name: 'Revert to this version…' }).click(FIRST_LOAD);
  const dialog = page.getByRole('dialog', {
    name: /^(Revert to version 1\?|Staging reverted to version 1)$/,
  });
  await expect(dialog.getByRole('region', { name: 'What changes in staging', exact: true })).toBeVisible();

  await faults.add({ method: 'PUT', path: `^${base}/rollback$`, mode: 'after-commit-drop', times: 50 });
  await dialog.getByRole('button', { name: 'Revert staging to version 1' }).click();
  await expect(dialog.getByText('Staging now holds version 1')).toBeVisible();
  await expect(dialog.getByRole('alert', { name: 'The revert failed' })).toBeHidden();
  await faults.clear();
  expect(await admin.staging(agent.id)).toMatchObject({ sample_q1: '' });
});

test('reads that fail show a retry and recover without a reload', async ({ api, signedIn, faults }) => {
  test.slow();
  const admin = await api('admin');
  const agent = await admin.createAgent(uniqueName('Failing reads'));
  await admin.ok('PUT', `/api/v2/agents/${agent.id}`, { sample_q1: 'Pending question' });
  const page = await signedIn('reviewer');
  await page.goto('/agents');
  await page.getByRole('searchbox', { name: 'Search agents by name or description' }).fill(agent.agent_name);
  await expect(page.getByRole('link', { name: agent.agent_name })).toBeVisible(FIRST_LOAD);
  // Anything on window survives client-side navigation and dies with a reload.
  await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));

  await test.step('the agent fails to load, again and again: the page says so and offers a retry', async () => {
    // More failures than the query client's own retries; removed before the user retries.
    await faults.add({ method: 'GET', path: `^/api/v2/agents/${agent.id}$`, mode: 'status500', times: 50 });
    await page.getByRole('link', { name: agent.agent_name }).click();
    await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible(FIRST_LOAD);
  });

  await test.step('"Try again" loads the agent once the server recovers', async () => {
    await faults.clear();
    // From here on the staging diff is down, for whatever asks first: the click on the Review tab
    // below, or the console itself fetching it ahead of that click in a pause on the agent page.
    await faults.add({
      method: 'GET',
      path: `^/api/v2/agents/${agent.id}/staging-diff$`,
      mode: 'drop',
      times: 50,
    });
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('heading', { name: agent.agent_name, level: 1 })).toBeVisible(FIRST_LOAD);
  });

  await test.step('the staging diff fails to load, then recovers on retry', async () => {
    await page.getByRole('tab', { name: 'Review changes' }).click();
    // The Review tab's own error, not anything the previous tab still shows while the new one loads.
    const failed = page.getByRole('alert').filter({ hasText: 'The staging diff could not be loaded' });
    await expect(failed.getByRole('button', { name: 'Try again' })).toBeVisible(FIRST_LOAD);
    await faults.clear();
    await failed.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('main').getByRole('article', { name: 'Sample question 1' })).toBeVisible(
      FIRST_LOAD,
    );
  });

  expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
});
