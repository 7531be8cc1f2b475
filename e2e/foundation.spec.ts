import { test, expect, USERS, PASSWORD, uniqueName, type Role } from './fixtures';
import type { Page } from '@playwright/test';

/**
 * The foundation journeys: signing in, the agent list and its filters, creating an agent, and a
 * session that expires.
 */

const NAMES: Record<Role, string> = {
  admin: 'Amara Okafor',
  reviewer: 'Daniel Reyes',
  editor: 'Priya Natarajan',
  editor2: 'Tomás Lindqvist',
  viewer: 'Grace Whitfield',
};

async function signInThroughForm(page: Page, email: string) {
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

const agentRows = (page: Page) =>
  page
    .getByRole('table', { name: 'Agents' })
    .getByRole('row')
    .filter({ has: page.getByRole('link') });

type StoredSession = { ejentoToken: string; authToken: string };
const readSession = (page: Page) =>
  page.evaluate(
    () => JSON.parse(window.sessionStorage.getItem('ejento.session') ?? 'null') as StoredSession | null,
  );

for (const role of Object.keys(USERS) as Role[]) {
  test(`${role} signs in and sees the agent list`, async ({ page }) => {
    await test.step('the console sends a signed-out visitor to sign in', async () => {
      await page.goto('/agents');
      await expect(page).toHaveURL(/\/sign-in$/);
      await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    });

    await test.step('signing in opens the agent list', async () => {
      await signInThroughForm(page, USERS[role]);
      await expect(page).toHaveURL(/\/agents$/);
      await expect(page.getByRole('heading', { name: 'Agents', level: 1 })).toBeVisible();
      await expect(agentRows(page).first()).toBeVisible();
    });

    await test.step('the header says who is signed in', async () => {
      await page.getByRole('button', { name: new RegExp(`^${NAMES[role]}\\s*,\\s*account menu$`) }).click();
      const menu = page.getByRole('menu');
      await expect(menu.getByText(USERS[role])).toBeVisible();
      await menu.getByRole('menuitem', { name: 'Sign out' }).click();
      await expect(page).toHaveURL(/\/sign-in$/);
      await expect(page.getByText('You have signed out.')).toBeVisible();
    });

    await test.step('after signing out, the console is closed again', async () => {
      await page.goto('/agents');
      await expect(page).toHaveURL(/\/sign-in$/);
    });
  });
}

test('a wrong password is refused with the reason next to the form', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill(USERS.editor);
  await page.getByLabel('Password', { exact: true }).fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('Could not sign in');
  await expect(page.getByLabel('E-mail')).toHaveValue(USERS.editor);
  await expect(page).toHaveURL(/\/sign-in$/);
});

test('search and filters narrow the agent list, and live in the URL', async ({ api, signedIn }) => {
  const admin = await api('admin');
  const token = uniqueName('Filterjourney').replace(/\s+/g, '');
  const alpha = await admin.createAgent(`${token} alpha`, 102);
  await admin.createAgent(`${token} beta`, 101);
  await admin.ok('PUT', `/api/v2/agents/${alpha.id}`, { domain: 'A staged change waiting to be published.' });
  const page = await signedIn('editor');

  await test.step('the whole list shows more than this test’s agents', async () => {
    await page.goto('/agents');
    await expect(agentRows(page).first()).toBeVisible();
    expect(await agentRows(page).count()).toBeGreaterThan(2);
  });

  await test.step('searching by name keeps only the matching agents', async () => {
    await page.getByRole('searchbox', { name: 'Search agents by name or description' }).fill(token);
    await expect(page).toHaveURL(new RegExp(`\\?q=${token}$`));
    await expect(agentRows(page)).toHaveCount(2);
    await expect(page.getByRole('link', { name: `${token} alpha` })).toBeVisible();
    await expect(page.getByRole('link', { name: `${token} beta` })).toBeVisible();
  });

  await test.step('"Has unpublished changes" keeps the agent with staged edits', async () => {
    await page.getByRole('switch', { name: 'Has unpublished changes' }).click();
    await expect(page).toHaveURL(/unpublished=1/);
    await expect(agentRows(page)).toHaveCount(1);
    await expect(agentRows(page).first()).toContainText(`${token} alpha`);
    await expect(agentRows(page).first()).toContainText('Unpublished changes');
  });

  await test.step('a project filter keeps that project’s agents', async () => {
    await page.getByRole('switch', { name: 'Has unpublished changes' }).click();
    await page.getByRole('combobox', { name: 'Project' }).selectOption({ label: 'Care Navigation' });
    await expect(page).toHaveURL(/project=101/);
    await expect(agentRows(page)).toHaveCount(1);
    await expect(agentRows(page).first()).toContainText(`${token} beta`);
    await expect(agentRows(page).first()).toContainText('Care Navigation');
  });

  await test.step('from an agent, the breadcrumb goes back to the list as it was left', async () => {
    const filtered = page.url();
    await page.getByRole('link', { name: `${token} beta` }).click();
    await expect(page.getByRole('heading', { name: `${token} beta`, level: 1 })).toBeVisible();
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Agents' }).click();
    await expect(page).toHaveURL(filtered);
    await expect(agentRows(page)).toHaveCount(1);
  });

  await test.step('the filtered URL opens the same list for someone else', async () => {
    const url = page.url();
    const other = await signedIn('viewer');
    await other.goto(url);
    await expect(agentRows(other)).toHaveCount(1);
    await expect(other.getByRole('searchbox', { name: 'Search agents by name or description' })).toHaveValue(
      token,
    );
  });

  await test.step('nothing matching says so, and clearing the filters brings the list back', async () => {
    await page
      .getByRole('searchbox', { name: 'Search agents by name or description' })
      .fill(`${token} gamma`);
    await expect(page.getByText(`No agents match “${token} gamma” with these filters`)).toBeVisible();
    await page.getByRole('button', { name: 'Clear filters' }).last().click();
    await expect(page).toHaveURL(/\/agents$/);
    await expect(page.getByRole('searchbox', { name: 'Search agents by name or description' })).toHaveValue(
      '',
    );
    await expect(agentRows(page).first()).toBeVisible();
    expect(await agentRows(page).count()).toBeGreaterThan(2);
  });
});

test('a viewer cannot create an agent', async ({ api, signedIn }) => {
  const page = await signedIn('viewer');
  await page.goto('/agents');
  await expect(agentRows(page).first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Agents', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'New agent' })).toHaveCount(0);
  const viewer = await api('viewer');
  const attempt = await viewer.call('POST', '/api/v2/agents', {
    agent_name: uniqueName('Not allowed'),
    project_id: 101,
  });
  expect(attempt.status).toBe(403);
});

test('an editor creates an agent and lands on it', async ({ signedIn }) => {
  const page = await signedIn('editor');
  const name = uniqueName('Journey agent');

  await test.step('the dialog asks for what is missing', async () => {
    await page.goto('/agents');
    await page.getByRole('button', { name: 'New agent' }).click();
    const dialog = page.getByRole('dialog', { name: 'New agent' });
    await dialog.getByRole('button', { name: 'Create agent' }).click();
    await expect(dialog.getByText('The name cannot be empty')).toBeVisible();
  });

  await test.step('a name and a project create the agent and open its editor', async () => {
    const dialog = page.getByRole('dialog', { name: 'New agent' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
    await dialog.getByRole('combobox', { name: 'Project' }).click();
    await page
      .getByRole('listbox', { name: 'Project' })
      .getByRole('option', { name: 'Member Support' })
      .click();
    await dialog.getByRole('button', { name: 'Create agent' }).click();
    await expect(page).toHaveURL(/\/agents\/\d+\/edit$/);
    // Opening the editor loads its code and every picker's catalogue: the slowest screen to open.
    await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText('Live v1')).toBeVisible();
    await expect(page.getByRole('tab', { name: 'Edit' })).toHaveAttribute('aria-selected', 'true');
  });

  await test.step('the new agent is in the list', async () => {
    await page.getByRole('link', { name: 'Agents' }).first().click();
    await page.getByRole('searchbox', { name: 'Search agents by name or description' }).fill(name);
    await expect(agentRows(page)).toHaveCount(1);
    await expect(agentRows(page).first()).toContainText('Member Support');
  });
});

test('only someone who may also publish can delete an agent: an editor is offered no delete, an admin deletes', async ({
  api,
  signedIn,
}) => {
  const admin = await api('admin');
  const agent = await admin.createAgent(uniqueName('Delete me'));

  await test.step('an editor sees no delete, and the server refuses one', async () => {
    const page = await signedIn('editor');
    await page.goto(`/agents/${agent.id}/edit`);
    await expect(page.getByRole('heading', { name: agent.agent_name, level: 1 })).toBeVisible({
      timeout: 30_000,
    });
    await expect(page.getByRole('button', { name: 'More actions' })).toHaveCount(0);
    const editor = await api('editor');
    const attempt = await editor.call('DELETE', `/api/v2/agents/${agent.id}`);
    expect(attempt.status).toBe(403);
  });

  await test.step('an admin deletes it after typing its name, and lands on the list', async () => {
    const page = await signedIn('admin');
    await page.goto(`/agents/${agent.id}/edit`);
    await page.getByRole('button', { name: 'More actions' }).click({ timeout: 30_000 });
    await page.getByRole('menuitem', { name: 'Delete agent…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete agent' });
    const confirm = dialog.getByRole('button', { name: 'Delete agent' });
    await expect(confirm).toBeDisabled();
    await dialog.getByRole('textbox', { name: "Type the agent's name to confirm" }).fill(agent.agent_name);
    await confirm.click();
    await expect(page).toHaveURL(/\/agents$/);
    await expect(page.getByText(`“${agent.agent_name}” was deleted.`)).toBeVisible();
    expect((await admin.call('GET', `/api/v2/agents/${agent.id}`)).status).toBe(404);
    // With the toast still up, the rest of the page takes clicks: no empty stack of toasts over it.
    const first = page.getByRole('table', { name: 'Agents' }).getByRole('link').first();
    const name = (await first.textContent()) ?? '';
    await first.click({ timeout: 5_000 });
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  });
});

test('an agent deleted from its History tab is not asked for again, and nothing on the page fails', async ({
  api,
  signedIn,
}) => {
  const admin = await api('admin');
  const agent = await admin.createAgent(uniqueName('Delete from history'));
  for (const domain of ['First change', 'Second change']) {
    await admin.ok('PUT', `/api/v2/agents/${agent.id}`, { domain });
    await admin.publish(agent.id, domain);
  }
  const page = await signedIn('admin');
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`/agents/${agent.id}/history`);
  await expect(page.getByText('Second change').first()).toBeVisible({ timeout: 30_000 });
  // The selected publish's panel, with what it changed, is on screen too.
  await expect(page.getByRole('button', { name: /Revert to this version/ })).toBeVisible();
  await page.waitForLoadState('networkidle');

  const askedAfter: string[] = [];
  let deleted = false;
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    const own = `/api/v2/agents/${agent.id}`;
    if (deleted && (path === own || path.startsWith(`${own}/`)))
      askedAfter.push(`${response.status()} ${path}`);
    if (response.request().method() === 'DELETE' && path === `/api/v2/agents/${agent.id}`) deleted = true;
  });
  await page.getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('menuitem', { name: 'Delete agent…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete agent' });
  await dialog.getByRole('textbox', { name: "Type the agent's name to confirm" }).fill(agent.agent_name);
  await dialog.getByRole('button', { name: 'Delete agent' }).click();
  await expect(page).toHaveURL(/\/agents$/);
  await expect(page.getByText(`“${agent.agent_name}” was deleted.`)).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(deleted).toBe(true);
  expect(askedAfter).toEqual([]);
  expect(errors).toEqual([]);
});

test('an expired session recovers through refresh without the user noticing', async ({ api, signedIn }) => {
  const admin = await api('admin');
  const agent = await admin.createAgent(uniqueName('Refresh journey'));
  const page = await signedIn('admin');
  await page.goto('/agents');
  await expect(agentRows(page).first()).toBeVisible();

  await test.step('the platform token stops working', async () => {
    await page.evaluate(() => {
      const s = JSON.parse(window.sessionStorage.getItem('ejento.session')!) as { ejentoToken: string };
      s.ejentoToken = 'expired-platform-token';
      window.sessionStorage.setItem('ejento.session', JSON.stringify(s));
    });
  });

  await test.step('the next page still loads, on a renewed token', async () => {
    await page.goto(`/agents/${agent.id}/edit`);
    await expect(page.getByRole('heading', { name: agent.agent_name, level: 1 })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/agents/${agent.id}/edit$`));
    const session = await readSession(page);
    expect(session?.ejentoToken).toBeTruthy();
    expect(session?.ejentoToken).not.toBe('expired-platform-token');
  });
});

test('when the session cannot be renewed, signing in again returns to the same page', async ({
  api,
  signedIn,
}) => {
  const admin = await api('admin');
  const agent = await admin.createAgent(uniqueName('Expiry journey'));
  const page = await signedIn('editor');
  await page.goto(`/agents/${agent.id}/review`);
  await expect(page.getByRole('heading', { name: agent.agent_name, level: 1 })).toBeVisible();

  await test.step('both tokens stop working', async () => {
    await page.evaluate(() => {
      window.sessionStorage.setItem(
        'ejento.session',
        JSON.stringify({ ejentoToken: 'expired-platform-token', authToken: 'expired-auth-token' }),
      );
    });
  });

  await test.step('the next page sends the user to sign in, remembering where they were', async () => {
    await page.goto(`/agents/${agent.id}/history`);
    await expect(page).toHaveURL(new RegExp(`/sign-in\\?next=%2Fagents%2F${agent.id}%2Fhistory$`));
    await expect(page.getByText('Your session has expired')).toBeVisible();
    expect(await readSession(page)).toBeNull();
  });

  await test.step('signing in brings the user back to that page', async () => {
    await signInThroughForm(page, USERS.editor);
    await expect(page).toHaveURL(new RegExp(`/agents/${agent.id}/history$`));
    await expect(page.getByRole('heading', { name: agent.agent_name, level: 1 })).toBeVisible();
    await expect(page.getByRole('tab', { name: 'History' })).toHaveAttribute('aria-selected', 'true');
  });
});

test('unknown pages and unknown agents say what was not found', async ({ signedIn }) => {
  const page = await signedIn('viewer');
  await test.step('an unknown address', async () => {
    await page.goto('/no/such/page');
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await page.getByRole('link', { name: 'Go to agents' }).click();
    await expect(page).toHaveURL(/\/agents$/);
  });
  await test.step('an agent that does not exist', async () => {
    await page.goto('/agents/987654/edit');
    await expect(page.getByRole('heading', { name: 'Agent 987654 was not found' })).toBeVisible();
    await page.getByRole('link', { name: 'Back to agents' }).click();
    await expect(agentRows(page).first()).toBeVisible();
  });
});
