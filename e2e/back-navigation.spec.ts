import { test, expect, uniqueName, USERS, PASSWORD } from './fixtures';

/**
 * What Back shows after the person on the tab has changed. A back/forward load lets the browser
 * answer a page's requests from its HTTP cache, even stale, so the API's answers must never be
 * kept there: they were for whoever was signed in then.
 */

// Recording a trace makes the browser skip its HTTP cache, the very cache this file is about.
test.use({ trace: 'off' });

const FIRST_LOAD = { timeout: 30_000 };

test('Back after someone else signs in on the tab shows the page as theirs, not as the last user left it', async ({
  api,
  signedIn,
}) => {
  const admin = await api('admin');
  const agent = await admin.createAgent(uniqueName('Back after switch'));
  await admin.call('PUT', `/api/v2/agents/${agent.id}`, { domain: 'Changed in staging' });
  const page = await signedIn('admin');
  const publish = page.getByRole('button', { name: 'Publish…' });
  // Two page loads, so Back loads the first again: the browser may answer its requests from the
  // cache (a back/forward load prefers it), with what was cached for the admin.
  await page.goto(`/agents/${agent.id}/review`);
  await expect(publish).toBeEnabled(FIRST_LOAD);
  await page.waitForLoadState('networkidle');
  await page.goto(`/agents/${agent.id}/history`);
  await expect(page.getByRole('heading', { name: agent.agent_name })).toBeVisible(FIRST_LOAD);
  await page.waitForLoadState('networkidle');

  await page.getByRole('button', { name: /account menu$/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.getByLabel('E-mail').fill(USERS.viewer);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Agents', level: 1 })).toBeVisible(FIRST_LOAD);

  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/agents/${agent.id}/review$`));
  await expect(page.getByText('Publishing needs a reviewer or an admin.')).toBeVisible(FIRST_LOAD);
  await expect(publish).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'More actions' })).toHaveCount(0);
});
