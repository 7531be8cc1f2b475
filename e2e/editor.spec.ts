import type { Locator, Page } from '@playwright/test';
import { test, expect, uniqueName, type Role, type SandboxApi } from './fixtures';

/**
 * The Edit tab: every section saves what the editor changed and nothing else, a viewer changes
 * nothing, two editors on the same field both keep their text until one is chosen, and a save
 * the server fails keeps what was typed.
 */

const FIRST_LOAD = { timeout: 30_000 };

// Journeys of many saves, on shared machines that are often busy.
test.describe.configure({ timeout: 240_000 });
const JIRA = 5;
const SEARCH_ISSUES = 10;

/** An agent of the test's own, live as version 2 with Jira enabled, so tools have actions to edit. */
async function seedAgent(api: (role: Role) => Promise<SandboxApi>, prefix: string) {
  const admin = await api('admin');
  const agent = await admin.createAgent(uniqueName(prefix));
  await admin.ok('POST', `/api/v2/agents/${agent.id}/tools/${JIRA}/enable`);
  await admin.publish(agent.id, 'Jira for the editor journey');
  return { admin, agent };
}

async function openSection(page: Page, agentId: number, section: string): Promise<void> {
  await page.goto(`/agents/${agentId}/edit?section=${section}`);
  await expect(page.getByRole('navigation', { name: 'Configuration sections' })).toBeVisible(FIRST_LOAD);
}

/** Moves to a section through the nav, as a person would. */
async function goTo(page: Page, label: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Configuration sections' })
    .getByRole('link', { name: label })
    .click();
}

/**
 * Flips a Mantine switch. Its hidden input spans the switch and its label, but the track is drawn
 * above it: a click at the input's centre lands on the track (which toggles it, as a person's
 * click does) yet fails Playwright's hit-target check when the label is short. The check that
 * the state flipped keeps the step honest.
 */
async function toggle(control: Locator): Promise<void> {
  const was = await control.isChecked();
  await control.click({ force: true });
  await expect(control).toBeChecked({ checked: !was });
}

async function save(page: Page, button: string): Promise<void> {
  const form = page.getByRole('form').filter({ has: page.getByRole('button', { name: button }) });
  await form.getByRole('button', { name: button }).click();
  await expect(form.getByText('Saved to staging.')).toBeVisible();
}

test('an editor changes one thing in every section, and the staging diff lists exactly those changes', async ({
  api,
  signedIn,
}) => {
  const { admin, agent } = await seedAgent(api, 'Editor journey');
  const page = await signedIn('editor');
  await openSection(page, agent.id, 'settings');

  await test.step('settings: the description', async () => {
    await page
      .getByRole('textbox', { name: 'Description' })
      .fill('Answers questions about travel and expenses.');
    await expect(page.getByRole('link', { name: /Settings.*unsaved changes/ })).toBeVisible();
    await save(page, 'Save settings');
    await expect(page.getByRole('link', { name: /Settings.*unsaved changes/ })).toBeHidden();
    // The header and the nav know at once that staging now differs from production.
    await expect(page.getByText('Unpublished changes', { exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Review changes' }).first()).toBeVisible();
  });

  await test.step('access and tags', async () => {
    await goTo(page, 'Access & tags');
    await page.getByRole('radio', { name: 'Public' }).check();
    await page.getByRole('combobox', { name: 'Tags' }).fill('travel');
    await page.getByRole('combobox', { name: 'Tags' }).press('Enter');
    await expect(page.getByText('Saving adds “travel”.')).toBeVisible();
    await save(page, 'Save access and tags');
  });

  await test.step('instructions: add one', async () => {
    await goTo(page, 'Instructions');
    await expect(page.getByText('This agent has no instructions yet.', { exact: false })).toBeVisible();
    await page.getByRole('button', { name: 'Add instruction' }).click();
    await page.getByRole('textbox', { name: 'Instruction 1' }).fill('Quote the policy section you rely on.');
    await save(page, 'Save instructions');
  });

  await test.step('knowledge sources: connect one from the picker', async () => {
    await goTo(page, 'Knowledge sources');
    await page.getByRole('button', { name: 'Connect knowledge sources' }).click();
    const dialog = page.getByRole('dialog', { name: 'Connect knowledge sources' });
    await dialog.getByRole('textbox', { name: 'Search knowledge sources' }).fill('travel');
    await dialog.getByRole('checkbox', { name: 'Travel & expense policy' }).click();
    await dialog.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(page.getByRole('switch', { name: 'Enable “Travel & expense policy”' })).toBeChecked();
    await save(page, 'Save knowledge sources');
  });

  await test.step('SharePoint folder: connect one, its address checked first', async () => {
    await page.getByRole('button', { name: 'Connect a folder' }).click();
    const address = page.getByRole('textbox', { name: 'Folder address' });
    await address.fill('https://example.com/travel');
    await page.getByRole('button', { name: 'Save SharePoint folder' }).click();
    await expect(page.getByText('Use an https:// address on a *.sharepoint.com site')).toBeVisible();
    await address.fill('https://northwind.sharepoint.com/sites/finance/Shared%20Documents/Travel');
    await save(page, 'Save SharePoint folder');
  });

  await test.step('tools: enable one, and edit an action’s configuration', async () => {
    await goTo(page, 'Tools');
    await toggle(page.getByRole('switch', { name: 'Enable tool “Web search”' }));
    await page.getByRole('button', { name: 'Edit configuration of “Search issues”' }).click();
    const config = page.getByRole('textbox', { name: 'Configuration of “Search issues”' });
    await config.fill('{ "max_results": 25, "jql_prefix": "project = HELP" ');
    await page.getByRole('button', { name: 'Save tools' }).click();
    await expect(page.getByText(/^Not valid JSON at line 1, column \d+/)).toBeVisible();
    await config.fill('{ "max_results": 25, "jql_prefix": "project = HELP" }');
    await save(page, 'Save tools');
  });

  await test.step('guardrails: turn one on', async () => {
    await goTo(page, 'Guardrails');
    await expect(page.getByText('Refuses attempts to make the agent ignore its instructions.')).toBeVisible();
    await toggle(page.getByRole('switch', { name: 'Jailbreak detection' }));
    await save(page, 'Save guardrails');
  });

  await test.step('the staging diff lists exactly those changes', async () => {
    const diff = await admin.stagingDiff(agent.id);
    const paths = diff.sections.flatMap((s) => s.changes.map((c) => c.path)).sort();
    const instruction = paths.find((p) => /^instructions\/\d+$/.test(p));
    expect(instruction, 'the added instruction').toBeDefined();
    expect(paths).toEqual(
      [
        'access',
        'domain',
        'tags',
        instruction!,
        'knowledge_sources/corpora/1223',
        'knowledge_sources/sharepoint_folder',
        `tools/${JIRA}/actions/${SEARCH_ISSUES}/config`,
        'tools/10',
        'guardrails/jailbreak',
      ].sort(),
    );
    const byPath = new Map(diff.sections.flatMap((s) => s.changes.map((c) => [c.path, c] as const)));
    expect(byPath.get('domain')?.after).toBe('Answers questions about travel and expenses.');
    expect(byPath.get(`tools/${JIRA}/actions/${SEARCH_ISSUES}/config`)?.after).toEqual({
      max_results: 25,
      jql_prefix: 'project = HELP',
    });
  });

  await test.step('the Review tab shows the new state without a reload', async () => {
    await page.getByRole('link', { name: 'Review changes' }).first().click();
    await expect(page).toHaveURL(new RegExp(`/agents/${agent.id}/review`));
    await expect(page.getByRole('article', { name: 'Description' })).toBeVisible(FIRST_LOAD);
    await expect(page.getByRole('heading', { name: 'Guardrails' })).toBeVisible();
  });
});

/** Every control that changes staging, in the open section. */
function editingControls(page: Page): Locator {
  return page
    .getByRole('main')
    .locator('form')
    .getByRole('button', { name: /^(Save|Discard|Add|Connect|Move|Delete|Disconnect)/ })
    .or(page.getByRole('main').locator('form').getByRole('switch'))
    .or(page.getByRole('main').locator('form').getByRole('radio'));
}

test('a viewer sees every section read-only, and cannot change anything', async ({ api, signedIn }) => {
  const { admin, agent } = await seedAgent(api, 'Viewer journey');
  const page = await signedIn('viewer');
  await openSection(page, agent.id, 'settings');
  await expect(page.getByText('View only')).toBeVisible();

  const sections = [
    ['Settings', 'Save settings'],
    ['Access & tags', 'Save access and tags'],
    ['Instructions', 'Save instructions'],
    ['Knowledge sources', 'Save SharePoint folder'],
    ['Tools', 'Save tools'],
    ['Guardrails', 'Save guardrails'],
  ] as const;
  for (const [section, saveLabel] of sections) {
    await test.step(section, async () => {
      await goTo(page, section);
      await expect(page.getByRole('button', { name: saveLabel })).toBeDisabled();
      const controls = await editingControls(page).all();
      expect(controls.length).toBeGreaterThan(1);
      for (const control of controls) await expect(control).toBeDisabled();
      for (const box of await page.getByRole('main').locator('form').getByRole('textbox').all()) {
        await expect(box).not.toBeEditable();
      }
    });
  }

  await test.step('a disabled control says why', async () => {
    await goTo(page, 'Guardrails');
    await page.getByRole('switch', { name: 'Jailbreak detection' }).hover({ force: true });
    await expect(page.getByRole('tooltip')).toContainText('editing staging needs the edit permission');
  });

  await test.step('the server refuses a viewer’s edit anyway (403), and staging is unchanged', async () => {
    const viewer = await api('viewer');
    const r = await viewer.call('PUT', `/api/v2/agents/${agent.id}`, { domain: 'Sneaky' });
    expect(r.status).toBe(403);
    expect((await admin.stagingDiff(agent.id)).has_changes).toBe(false);
  });
});

test('two editors change different sections: the second saves without being asked to choose', async ({
  api,
  signedIn,
}) => {
  const { admin, agent } = await seedAgent(api, 'Different sections');
  const second = await signedIn('editor2');
  await openSection(second, agent.id, 'settings');
  await second.getByRole('textbox', { name: 'Description' }).fill('Written by the second editor.');
  // Meanwhile someone saves another section, which the second editor's page has not seen.
  await admin.ok('POST', `/api/v2/agents/${agent.id}/instructions`, {
    instruction: 'Added by someone else.',
  });

  await save(second, 'Save settings');
  await expect(second.getByRole('alert').filter({ hasText: 'Someone else changed' })).toHaveCount(0);
  const staging = await admin.staging<{ domain: string; instructions: { instruction: string }[] }>(agent.id);
  expect(staging.domain).toBe('Written by the second editor.');
  expect(staging.instructions.map((i) => i.instruction)).toContain('Added by someone else.');
});

test('two editors change the same field: the second sees the conflict, and both values survive until one is chosen', async ({
  api,
  signedIn,
}) => {
  const { admin, agent } = await seedAgent(api, 'Conflict journey');
  const first = await signedIn('editor');
  const second = await signedIn('editor2');
  await openSection(first, agent.id, 'settings');
  await openSection(second, agent.id, 'settings');
  const firstText = 'Written by the first editor.';
  const secondText = 'Written by the second editor.';

  await test.step('both type; the first saves', async () => {
    await first.getByRole('textbox', { name: 'Description' }).fill(firstText);
    await second.getByRole('textbox', { name: 'Description' }).fill(secondText);
    await save(first, 'Save settings');
  });

  const panel = second.getByRole('alert').filter({ hasText: 'Someone else changed this section' });
  await test.step('the second saves and sees who changed it, their value beside its own', async () => {
    await second.getByRole('button', { name: 'Save settings' }).click();
    await expect(panel).toBeVisible();
    await expect(panel).toContainText('editor@example.com');
    const table = panel.getByRole('table', { name: 'Their version and yours' });
    await expect(table.getByRole('row', { name: /Description/ })).toContainText(firstText);
    await expect(table.getByRole('row', { name: /Description/ })).toContainText(secondText);
    await expect(second.getByRole('textbox', { name: 'Description' })).toHaveValue(secondText);
    const staging = await admin.staging<{ domain: string }>(agent.id);
    expect(staging.domain).toBe(firstText);
  });

  await test.step('both survive a reload of the second editor’s page', async () => {
    await second.reload();
    await expect(panel).toBeVisible(FIRST_LOAD);
    await expect(second.getByRole('textbox', { name: 'Description' })).toHaveValue(secondText);
  });

  await test.step('the second keeps its own: saved over the first', async () => {
    await panel.getByRole('button', { name: 'Keep mine and save' }).click();
    await expect(second.getByText('Saved to staging.')).toBeVisible();
    await expect(panel).toBeHidden();
    const staging = await admin.staging<{ domain: string }>(agent.id);
    expect(staging.domain).toBe(secondText);
  });

  await test.step('the first, editing again, runs into it and takes theirs', async () => {
    await first.getByRole('textbox', { name: 'Description' }).fill(`${firstText} Again.`);
    await first.getByRole('button', { name: 'Save settings' }).click();
    const firstPanel = first.getByRole('alert').filter({ hasText: 'Someone else changed this section' });
    await expect(firstPanel).toContainText('editor2@example.com');
    await firstPanel.getByRole('button', { name: 'Take theirs' }).click();
    await expect(first.getByRole('textbox', { name: 'Description' })).toHaveValue(secondText);
    const staging = await admin.staging<{ domain: string }>(agent.id);
    expect(staging.domain).toBe(secondText);
  });
});

test('two editors change different lines of the system prompt: keeping mine keeps both edits', async ({
  api,
  signedIn,
}) => {
  const { admin, agent } = await seedAgent(api, 'Prompt merge journey');
  const prompt = [
    '# Role',
    'You answer benefits questions.',
    '',
    '# Rules',
    'Cite the plan.',
    'Be brief.',
  ].join('\n');
  await admin.ok('PUT', `/api/v2/agents/${agent.id}`, { prefix_prompt: prompt });
  const page = await signedIn('editor');
  await openSection(page, agent.id, 'settings');
  const field = page.getByRole('textbox', { name: 'System prompt' });
  await expect(field).toHaveValue(prompt);
  await field.fill(prompt.replace('Be brief.', 'Be brief and kind.'));
  // Meanwhile the other editor changes the first line of the same prompt.
  const other = await api('editor2');
  await other.ok('PUT', `/api/v2/agents/${agent.id}`, {
    prefix_prompt: prompt.replace('# Role', '# Who you are'),
  });

  await page.getByRole('button', { name: 'Save settings' }).click();
  const panel = page.getByRole('alert').filter({ hasText: 'Someone else changed this section' });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('row', { name: /System prompt/ })).toContainText('# Who you are');
  await panel.getByRole('button', { name: 'Keep mine and save' }).click();
  await expect(page.getByText('Saved to staging.')).toBeVisible();
  const staging = await admin.staging<{ prefix_prompt: string }>(agent.id);
  expect(staging.prefix_prompt).toBe(
    prompt.replace('# Role', '# Who you are').replace('Be brief.', 'Be brief and kind.'),
  );
});

test('a save the server fails keeps the typed text, and the retry saves it', async ({
  api,
  signedIn,
  faults,
}) => {
  const { admin, agent } = await seedAgent(api, 'Failed save journey');
  const page = await signedIn('editor');
  await openSection(page, agent.id, 'settings');
  const prompt = page.getByRole('textbox', { name: 'System prompt' });
  const typed = 'You answer travel questions.\n\n## Rules\n- Quote the policy.\n- Never guess a per diem.   ';

  await test.step('the server answers 500: the text stays, with a way to retry', async () => {
    await faults.add({ method: 'PUT', path: `^/api/v2/agents/${agent.id}$`, mode: 'status500', times: 1 });
    await prompt.fill(typed);
    await expect(page.getByText(/\d+ characters · 5 lines/)).toBeVisible();
    await page.getByRole('button', { name: 'Save settings' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Your changes were not saved' });
    await expect(alert).toBeVisible();
    await expect(prompt).toHaveValue(typed);
    expect((await admin.stagingDiff(agent.id)).has_changes).toBe(false);
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByText('Saved to staging.')).toBeVisible();
  });

  await test.step('staging holds exactly what was typed', async () => {
    const staging = await admin.staging<{ prefix_prompt: string }>(agent.id);
    expect(staging.prefix_prompt).toBe(typed);
    await expect(prompt).toHaveValue(typed);
  });
});

test('a field left with a mistake for a button below it: the message shows, and the button still works on the first click', async ({
  api,
  signedIn,
}) => {
  const { agent } = await seedAgent(api, 'Blur then click');
  const page = await signedIn('editor');
  await openSection(page, agent.id, 'tools');
  await page.getByRole('button', { name: 'Edit configuration of “Search issues”' }).click();
  const config = page.getByRole('textbox', { name: 'Configuration of “Search issues”' });
  await config.fill('{ "max_results": 25, ');
  // The press leaves the field, whose message then pushes the button down before the release.
  await page.getByRole('button', { name: 'Edit configuration of “Add comment”' }).click();
  await expect(page.getByText(/^Not valid JSON at line 1, column \d+/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Hide configuration of “Add comment”' })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  await expect(page.getByRole('textbox', { name: 'Configuration of “Add comment”' })).toBeVisible();
  await expect(config).toHaveValue('{ "max_results": 25, ');
});
