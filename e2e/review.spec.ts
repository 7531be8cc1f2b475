import type { Page } from '@playwright/test';
import { test, expect, uniqueName, type GuardrailType, type SandboxApi } from './fixtures';

/**
 * The Review changes tab: a reviewer sees exactly what editors changed in staging, marks it
 * viewed, and publishes with a note; a review that went stale publishes nothing; an editor
 * cannot publish. Creating an agent records version 1 ("Created"), so the first publish here is
 * version 2.
 */

/** The first paint of a screen waits for its lazy code and the diff: give it room on a busy machine. */
const FIRST_LOAD = { timeout: 30_000 };

/** An editor's changes in three sections: agent settings (two fields), instructions, guardrails. */
async function editorChangesThreeSections(editor: SandboxApi, agentId: number) {
  const base = `/api/v2/agents/${agentId}`;
  await editor.ok('PUT', base, { sample_q1: 'How do I enrol a newborn?', react_max_iteration_count: 9 });
  await editor.ok('POST', `${base}/instructions`, {
    instruction: 'Cite the plan document for every figure.',
  });
  const guardrail = await editor.toggleFirstGuardrail(agentId);
  return { base, guardrail };
}

const diffArea = (page: Page) => page.getByRole('main');
const sectionsIndex = (page: Page) => page.getByRole('navigation', { name: 'Sections' });
const viewed = (page: Page, title: string) => page.getByRole('checkbox', { name: `Viewed: ${title}` });

async function publishWithNote(page: Page, note: string) {
  await page.getByRole('button', { name: 'Publish…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Publish to production' });
  await dialog.getByRole('textbox', { name: 'Note' }).fill(note);
  await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
  return dialog;
}

test('a reviewer publishes exactly what an editor changed, with a note, and the history records it', async ({
  api,
  signedIn,
}) => {
  // A long journey across three screens; the shared machines are often busy.
  test.slow();
  const admin = await api('admin');
  const agent = await admin.createAgent(uniqueName('Review journey'));
  const editor = await api('editor');
  const { guardrail } = await editorChangesThreeSections(editor, agent.id);
  const guardrailLabel = `Guardrail “${guardrail.name}”`;
  const page = await signedIn('reviewer');
  await page.goto(`/agents/${agent.id}/review`);

  await test.step('the reviewer sees exactly the editor’s changes, section by section, and no others', async () => {
    const expected: Record<string, string[]> = {
      'Agent settings': ['Sample question 1', 'ReAct max iterations'],
      Instructions: ['Instruction 1'],
      Guardrails: [guardrailLabel],
    };
    await expect(diffArea(page).getByRole('region')).toHaveCount(3, FIRST_LOAD);
    await expect(diffArea(page).getByRole('article')).toHaveCount(4);
    for (const [title, labels] of Object.entries(expected)) {
      const region = diffArea(page).getByRole('region', { name: title, exact: true });
      await expect(region.getByRole('heading', { name: title })).toBeVisible();
      await expect(
        region.getByText(`${labels.length} ${labels.length === 1 ? 'change' : 'changes'}`),
      ).toBeVisible();
      await expect(region.getByRole('article')).toHaveCount(labels.length);
      for (const label of labels) {
        const article = region.getByRole('article', { name: label, exact: true });
        await expect(article).toContainText('Changed by editor@example.com');
      }
    }
    const instruction = diffArea(page).getByRole('article', { name: 'Instruction 1' });
    await expect(instruction).toContainText('Added');
    await expect(instruction).toContainText('Cite the plan document for every figure.');
    const iterations = diffArea(page).getByRole('article', { name: 'ReAct max iterations' });
    await expect(iterations).toContainText('Production (live)');
    await expect(iterations).toContainText('Staging');
    await expect(iterations).toContainText('9');
  });

  await test.step('the reviewer marks the sections viewed, by mouse and by keyboard', async () => {
    await expect(sectionsIndex(page).getByText('0 of 3 sections viewed')).toBeVisible();
    await viewed(page, 'Agent settings').check();
    await viewed(page, 'Instructions').check();
    await sectionsIndex(page)
      .getByRole('button', { name: /^Guardrails/ })
      .click();
    await page.keyboard.press('v');
    await expect(viewed(page, 'Guardrails')).toBeChecked();
    await expect(sectionsIndex(page).getByText('3 of 3 sections viewed')).toBeVisible();
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();
  });

  await test.step('publishing asks for a note, then goes live and says so', async () => {
    await expect(page.getByText('Unpublished changes', { exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Publish…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Publish to production' });
    await expect(dialog.getByRole('table', { name: 'Changes to publish' })).toContainText('Agent settings2');
    await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect(dialog.getByText('Say why this goes live')).toBeVisible();
    await dialog.getByRole('textbox', { name: 'Note' }).fill('Newborn enrolment question for open enrolment');
    await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'Published version 2 to production' }),
    ).toBeVisible();
    await expect(page.getByText('Staging matches production: nothing to publish.')).toBeVisible();
    // The header refreshed without a reload.
    await expect(page.getByText('Live v2', { exact: true })).toBeVisible();
    await expect(page.getByText('Unpublished changes', { exact: true })).toBeHidden();
  });

  await test.step('production now holds exactly what was published', async () => {
    const production = await editor.production<{
      sample_q1: string;
      react_max_iteration_count: number;
      instructions: { instruction: string }[];
      guardrails: GuardrailType[];
    }>(agent.id);
    expect(production.sample_q1).toBe('How do I enrol a newborn?');
    expect(production.react_max_iteration_count).toBe(9);
    expect(production.instructions.map((i) => i.instruction)).toEqual([
      'Cite the plan document for every figure.',
    ]);
    expect(production.guardrails.find((g) => g.type === guardrail.type)?.enabled).toBe(!guardrail.enabled);
    expect((await editor.stagingDiff(agent.id)).has_changes).toBe(false);
  });

  await test.step('the history lists the publish with its author, note and summary', async () => {
    await page.getByRole('link', { name: 'See version 2 in the history' }).click();
    await expect(page).toHaveURL(new RegExp(`/agents/${agent.id}/history\\?version=2$`));
    await expect(page.getByRole('list', { name: 'Publish history' })).toBeVisible(FIRST_LOAD);
    const row = page
      .getByRole('list', { name: 'Publish history' })
      .getByRole('link', { name: /^Version 2\b/ });
    await expect(row).toContainText('reviewer@example.com');
    await expect(row).toContainText('Newborn enrolment question for open enrolment');
    await expect(row).toContainText('Agent settings 2');
    await expect(row).toContainText('Instructions 1');
    await expect(row).toContainText('Guardrails 1');
    await expect(row).toContainText('Live');
  });

  await test.step('with nothing left to publish, Publish is disabled', async () => {
    await page.goto(`/agents/${agent.id}/review`);
    await expect(page.getByText('Staging matches production: nothing to publish.')).toBeVisible(FIRST_LOAD);
    await expect(page.getByRole('button', { name: 'Publish…' })).toBeDisabled();
  });
});

test('a reviewer whose diff went stale gets told, publishes nothing, and re-reviews what changed', async ({
  api,
  signedIn,
}) => {
  test.slow();
  const admin = await api('admin');
  const agent = await admin.createAgent(uniqueName('Stale review'));
  const editor = await api('editor');
  const { base } = await editorChangesThreeSections(editor, agent.id);
  const page = await signedIn('reviewer');
  await page.goto(`/agents/${agent.id}/review`);
  await expect(diffArea(page).getByRole('article')).toHaveCount(4, FIRST_LOAD);
  await viewed(page, 'Agent settings').check();
  await viewed(page, 'Instructions').check();
  await viewed(page, 'Guardrails').check();

  const editor2 = await api('editor2');
  await test.step('another editor changes staging after the reviewer loaded the diff', async () => {
    await editor2.ok('PUT', base, { sample_q2: 'A question added during the review' });
  });

  await test.step('publishing the stale diff is refused and says why', async () => {
    const dialog = await publishWithNote(page, 'Approving what I reviewed');
    await expect(dialog).toBeHidden();
    const alert = page.getByRole('alert').filter({ hasText: 'Staging changed while you were reviewing' });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('Nothing was published');
    await expect(alert).toContainText('Agent settings');
  });

  await test.step('nothing went live', async () => {
    const production = await editor.production<{ sample_q1: string; live_version: number }>(agent.id);
    expect(production.sample_q1).not.toBe('How do I enrol a newborn?');
    expect(production.live_version).toBe(1);
    const history = await editor.ok<{ total_records: number }>('GET', `${base}/publishes`);
    expect(history.total_records).toBe(1);
  });

  await test.step('the diff reloaded: the new change shows and only its section lost its Viewed mark', async () => {
    await expect(diffArea(page).getByRole('article', { name: 'Sample question 2' })).toBeVisible();
    await expect(diffArea(page).getByRole('article', { name: 'Sample question 2' })).toContainText(
      'Changed by editor2@example.com',
    );
    await expect(viewed(page, 'Agent settings')).not.toBeChecked();
    await expect(viewed(page, 'Instructions')).toBeChecked();
    await expect(viewed(page, 'Guardrails')).toBeChecked();
    await expect(sectionsIndex(page).getByText('2 of 3 sections viewed')).toBeVisible();
  });

  await test.step('after looking again, the reviewer publishes what is now on screen', async () => {
    await viewed(page, 'Agent settings').check();
    await publishWithNote(page, 'Approving after the late change');
    await expect(
      page.getByRole('status').filter({ hasText: 'Published version 2 to production' }),
    ).toBeVisible();
    const production = await editor.production<{ sample_q2: string }>(agent.id);
    expect(production.sample_q2).toBe('A question added during the review');
  });
});

test('a publish is refused when production moved since the review, even with staging put back as reviewed', async ({
  api,
  signedIn,
}) => {
  test.slow();
  const admin = await api('admin');
  const agent = await admin.createAgent(uniqueName('Production moved'));
  const base = `/api/v2/agents/${agent.id}`;
  const editor = await api('editor');
  await editor.ok('PUT', base, { sample_q3: 'The change the reviewer approves' });
  const page = await signedIn('reviewer');
  await page.goto(`/agents/${agent.id}/review`);
  await expect(diffArea(page).getByRole('article')).toHaveCount(1, FIRST_LOAD);

  await test.step('meanwhile: published, a change published that the reviewer never saw, staging put back', async () => {
    const first = await admin.ok<{ change_track_id: number }>('POST', `${base}/publish`, { note: 'First' });
    await editor.toggleFirstGuardrail(agent.id);
    await admin.ok('POST', `${base}/publish`, { note: 'Second' });
    await admin.ok('PUT', `${base}/rollback`, { change_track_id: first.change_track_id });
  });

  await test.step('the reviewer’s publish is refused, and the diff shows what would really go live', async () => {
    const dialog = await publishWithNote(page, 'Approving the sample question only');
    await expect(dialog).toBeHidden();
    const alert = page.getByRole('alert').filter({ hasText: 'Staging changed while you were reviewing' });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('Nothing was published');
    await expect(sectionsIndex(page).getByRole('button', { name: /^Guardrails 1 change/ })).toBeVisible();
    const history = await editor.ok<{ total_records: number }>('GET', `${base}/publishes`);
    expect(history.total_records).toBe(3);
  });
});

test('an editor sees the changes but cannot publish them', async ({ api, signedIn }) => {
  const admin = await api('admin');
  const agent = await admin.createAgent(uniqueName('Editor review'));
  const editor = await api('editor');
  await editorChangesThreeSections(editor, agent.id);
  const page = await signedIn('editor');
  await page.goto(`/agents/${agent.id}/review`);
  await expect(diffArea(page).getByRole('article')).toHaveCount(4, FIRST_LOAD);
  await expect(page.getByText('Publishing needs a reviewer or an admin.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Publish…' })).toHaveCount(0);
  const refused = await editor.call('POST', `/api/v2/agents/${agent.id}/publish`, { note: 'Trying anyway' });
  expect(refused.status).toBe(403);
});
