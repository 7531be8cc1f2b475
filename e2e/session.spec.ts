import type { Locator, Page } from '@playwright/test';
import {
  test,
  expect,
  uniqueName,
  USERS,
  PASSWORD,
  type Faults,
  type Role,
  type SandboxApi,
} from './fixtures';

/**
 * A session that expires while someone is editing. The sandbox's fault injection answers 401 to
 * requests carrying this page's own tokens, exactly as an expired token would be answered.
 */

const FIRST_LOAD = { timeout: 30_000 };
const TYPED = 'Half-written description — “quoted”, <angled> & 🚑, still being typed';

async function sessionOf(page: Page) {
  return page.evaluate(
    () =>
      JSON.parse(window.sessionStorage.getItem('ejento.session') ?? 'null') as {
        ejentoToken: string;
        authToken: string;
      } | null,
  );
}

/** A new agent, and an editor on its settings form. */
async function editorOnNewAgent(
  api: (role: Role) => Promise<SandboxApi>,
  signedIn: (role: Role) => Promise<Page>,
  name: string,
): Promise<{ admin: SandboxApi; agent: { id: number }; page: Page; form: Locator }> {
  const admin = await api('admin');
  const agent = await admin.createAgent(uniqueName(name));
  const page = await signedIn('editor');
  await page.goto(`/agents/${agent.id}/edit?section=settings`);
  return { admin, agent, page, form: page.getByRole('form', { name: 'Settings' }) };
}

/** Both of this page's tokens stop working, the refresh token too: the next request the person waits for ends the session. */
async function expireBothTokens(faults: Faults, page: Page): Promise<void> {
  const session = (await sessionOf(page))!;
  await faults.add({ path: '^/api/', authorization: session.ejentoToken, mode: 'status401', times: 100 });
  await faults.add({
    method: 'POST',
    path: '/refresh-access-token$',
    authorization: session.authToken,
    mode: 'status401',
    times: 10,
  });
}

test('the session expires mid-edit: the refresh happens without losing the form, and the save goes through', async ({
  api,
  signedIn,
  faults,
}) => {
  const { admin, agent, page, form } = await editorOnNewAgent(api, signedIn, 'Expiry mid-edit');
  await form.getByRole('textbox', { name: 'Description' }).fill(TYPED, FIRST_LOAD);
  const before = await sessionOf(page);

  await faults.add({ path: '^/api/', authorization: before!.ejentoToken, mode: 'status401', times: 100 });
  await form.getByRole('button', { name: 'Save settings' }).click();

  await expect.poll(async () => (await admin.staging<{ domain: string }>(agent.id)).domain).toBe(TYPED);
  await expect(page).toHaveURL(new RegExp(`/agents/${agent.id}/edit\\?section=settings$`));
  await expect(form.getByRole('textbox', { name: 'Description' })).toHaveValue(TYPED);
  await expect(page.getByRole('alert').filter({ hasText: 'Your changes were not saved' })).toHaveCount(0);
  const after = await sessionOf(page);
  expect(after?.ejentoToken).toBeTruthy();
  expect(after?.ejentoToken).not.toBe(before!.ejentoToken);
});

test('when the refresh token has expired too, signing in returns to the same form with the unsaved text', async ({
  api,
  signedIn,
  faults,
}) => {
  const { admin, agent, page, form } = await editorOnNewAgent(api, signedIn, 'Expiry and sign-in');
  await form.getByRole('textbox', { name: 'Description' }).fill(TYPED, FIRST_LOAD);
  await form.getByRole('textbox', { name: 'Sample question 2' }).fill('Unsaved question two');

  await test.step('both tokens stop working, and the save sends the editor to sign in', async () => {
    await expireBothTokens(faults, page);
    await form.getByRole('button', { name: 'Save settings' }).click();
    await expect(page).toHaveURL(/\/sign-in\?next=/);
    await expect(page.getByText('Your session has expired')).toBeVisible();
    expect(await sessionOf(page)).toBeNull();
    expect((await admin.staging<{ domain: string }>(agent.id)).domain).toBe('');
  });

  await test.step('signing in returns to the same form with the unsaved text still there', async () => {
    await page.getByLabel('E-mail').fill(USERS.editor);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(new RegExp(`/agents/${agent.id}/edit\\?section=settings$`));
    await expect(form.getByRole('textbox', { name: 'Description' })).toHaveValue(TYPED, FIRST_LOAD);
    await expect(form.getByRole('textbox', { name: 'Sample question 2' })).toHaveValue(
      'Unsaved question two',
    );
  });

  await test.step('and the save now goes through', async () => {
    await form.getByRole('button', { name: 'Save settings' }).click();
    await expect
      .poll(async () => admin.staging<{ domain: string; sample_q2: string }>(agent.id))
      .toMatchObject({ domain: TYPED, sample_q2: 'Unsaved question two' });
  });
});

test('after a session expires mid-edit, someone else signing in on that tab never sees the unsaved text', async ({
  api,
  signedIn,
  faults,
}) => {
  const { agent, page, form } = await editorOnNewAgent(api, signedIn, 'Expiry, someone else');
  await form.getByRole('textbox', { name: 'Sample question 2' }).fill('Priya’s unsaved question', FIRST_LOAD);
  await expireBothTokens(faults, page);
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Your session has expired')).toBeVisible();

  await page.getByLabel('E-mail').fill(USERS.editor2);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(new RegExp(`/agents/${agent.id}/edit\\?section=settings$`));
  await expect(form.getByRole('textbox', { name: 'Sample question 2' })).toHaveValue('', FIRST_LOAD);
  await expect(page.getByText('You have unsaved changes.')).toHaveCount(0);
  expect(await page.evaluate(() => JSON.stringify(window.sessionStorage))).not.toContain('unsaved question');
});

test('signing out with unsaved text asks first; staying keeps the session, leaving takes the drafts along', async ({
  api,
  signedIn,
}) => {
  const admin = await api('admin');
  const agent = await admin.createAgent(uniqueName('Sign-out drafts'));
  const page = await signedIn('editor');
  await page.goto(`/agents/${agent.id}/edit?section=settings`);
  const form = page.getByRole('form', { name: 'Settings' });
  await form.getByRole('textbox', { name: 'Description' }).fill(TYPED, FIRST_LOAD);
  await expect(page.getByText('You have unsaved changes.')).toBeVisible();

  const signOut = async () => {
    await page.getByRole('button', { name: /account menu$/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
  };
  const prompt = page.getByRole('dialog', { name: 'Sign out with unsaved changes?' });

  await test.step('"Keep editing" keeps the user signed in, on the form, with the text', async () => {
    await signOut();
    await expect(prompt).toContainText('Signing out discards them.');
    await prompt.getByRole('button', { name: 'Keep editing' }).click();
    await expect(prompt).toBeHidden();
    await expect(form.getByRole('textbox', { name: 'Description' })).toHaveValue(TYPED);
    expect((await sessionOf(page))?.ejentoToken).toBeTruthy();
    await page.reload();
    await expect(form.getByRole('textbox', { name: 'Description' })).toHaveValue(TYPED, FIRST_LOAD);
  });

  await test.step('"Sign out anyway" signs out, and whoever signs in next in this tab finds no draft', async () => {
    await signOut();
    await prompt.getByRole('button', { name: 'Sign out anyway' }).click();
    await expect(page.getByText('You have signed out.')).toBeVisible();
    expect(await sessionOf(page)).toBeNull();
    const drafts = await page.evaluate(() =>
      Object.keys(window.sessionStorage).filter((k) => k.startsWith('ejento.editor-draft')),
    );
    expect(drafts).toEqual([]);
    await page.getByLabel('E-mail').fill(USERS.editor2);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { name: 'Agents', level: 1 })).toBeVisible(FIRST_LOAD);
    await page.goto(`/agents/${agent.id}/edit?section=settings`);
    await expect(form.getByRole('textbox', { name: 'Description' })).toHaveValue('', FIRST_LOAD);
    await expect(page.getByText('No unsaved changes.')).toBeVisible();
  });
});

test('a link opened in a new tab comes in signed in; signing out in one tab signs out the other, drafts kept', async ({
  api,
  browser,
}) => {
  const admin = await api('admin');
  const agent = await admin.createAgent(uniqueName('Two tabs'));
  const context = await browser.newContext();
  try {
    const first = await context.newPage();
    await first.goto('/agents');
    await first.getByLabel('E-mail').fill(USERS.editor, FIRST_LOAD);
    await first.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await first.getByRole('button', { name: 'Sign in' }).click();
    await expect(first.getByRole('heading', { name: 'Agents', level: 1 })).toBeVisible(FIRST_LOAD);

    const second = await context.newPage();
    const form = second.getByRole('form', { name: 'Settings' });
    await test.step('the new tab opens the agent without asking to sign in', async () => {
      await second.goto(`/agents/${agent.id}/edit?section=settings`);
      await form.getByRole('textbox', { name: 'Description' }).fill(TYPED, FIRST_LOAD);
      await expect(second.getByText('You have unsaved changes.')).toBeVisible();
      expect(await sessionOf(second)).toEqual(await sessionOf(first));
    });

    await test.step('signing out in the first tab signs the second out too', async () => {
      await first.getByRole('button', { name: /account menu$/ }).click();
      await first.getByRole('menuitem', { name: 'Sign out' }).click();
      await expect(first.getByText('You have signed out.')).toBeVisible();
      await expect(second.getByText('You signed out in another tab.')).toBeVisible();
      expect(await sessionOf(second)).toBeNull();
      // No tab holds a session now: a link asks to sign in.
      await first.goto(`/agents/${agent.id}/edit`);
      await expect(first.getByRole('button', { name: 'Sign in' })).toBeVisible(FIRST_LOAD);
    });

    await test.step('signing in again on the second tab brings its draft back', async () => {
      await second.getByLabel('E-mail').fill(USERS.editor);
      await second.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await second.getByRole('button', { name: 'Sign in' }).click();
      await expect(form.getByRole('textbox', { name: 'Description' })).toHaveValue(TYPED, FIRST_LOAD);
    });
  } finally {
    await context.close();
  }
});
