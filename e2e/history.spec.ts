import { readFile } from 'node:fs/promises';
import type { Download, Locator, Page } from '@playwright/test';
import { test, expect, uniqueName, type SandboxApi } from './fixtures';

/**
 * The History tab: the timeline of publishes, what each changed, comparing two versions, and
 * reverting to any version (not only the latest) through the server's preview.
 *
 * Numbering: creating an agent in the sandbox records publish version 1 ("Created"). The issue's
 * "publish three versions, revert to the first" therefore becomes versions 2, 3 and 4 here, and
 * the revert goes to version 2 — the first of the three publishes, not the latest. The
 * reviewer's publish after the revert is version 5.
 */

interface WireChange {
  path: string;
  label: string;
  change: 'added' | 'removed' | 'modified';
}
interface WireDiff {
  has_changes: boolean;
  sections: { key: string; title: string; changes: WireChange[] }[];
}
interface RevertPreviewWire {
  version: number;
  staging: WireDiff;
  production: WireDiff;
  discards_unpublished_changes: boolean;
}

/** An agent with three publishes after its creation, each changing a different section. */
async function agentWithThreePublishes(admin: SandboxApi) {
  const agent = await admin.createAgent(uniqueName('History journey'));
  const base = `/api/v2/agents/${agent.id}`;

  await admin.ok('PUT', base, { sample_q1: 'How do I reset my password?', react_max_iteration_count: 7 });
  const v2 = await admin.publish(agent.id, 'Settings: first sample question and more ReAct iterations');

  await admin.ok('POST', `${base}/instructions`, {
    instruction: 'Always confirm the member ID before answering.',
  });
  const v3 = await admin.publish(agent.id, 'Instructions: confirm the member ID');

  await admin.toggleFirstGuardrail(agent.id);
  const v4 = await admin.publish(agent.id, 'Guardrails: toggled one');

  expect([v2.version, v3.version, v4.version]).toEqual([2, 3, 4]);
  return { agent, base, v2, v3, v4 };
}

/** What the sandbox says differs between two refs (a change_track_id, `staging` or `production`). */
async function sandboxCompare(api: SandboxApi, base: string, from: string | number, to: string | number) {
  return api.ok<WireDiff>('GET', `${base}/compare?from=${from}&to=${to}`);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The diff on screen inside `scope` is exactly `diff`: the same sections, and in each the same changes. */
async function expectDiffOnScreen(scope: Locator, diff: WireDiff) {
  const sections = diff.sections.filter((s) => s.changes.length > 0);
  await expect(scope.getByRole('article')).toHaveCount(sections.reduce((n, s) => n + s.changes.length, 0));
  for (const section of sections) {
    // The revert dialog's regions add where they are ("Agent settings, in staging").
    const region = scope.getByRole('region', { name: new RegExp(`^${escapeRegExp(section.title)}(, |$)`) });
    await expect(region).toBeVisible();
    await expect(region.getByRole('article')).toHaveCount(section.changes.length);
    for (const change of section.changes) {
      await expect(region.getByRole('article', { name: change.label, exact: true })).toContainText(
        new RegExp(change.change, 'i'),
      );
    }
  }
}

async function readDownload(download: Download): Promise<string> {
  return readFile(await download.path(), 'utf8');
}

const timeline = (page: Page) => page.getByRole('list', { name: 'Publish history' });

/**
 * Opens the History tab. A fresh browser context loads the whole app first, which on a busy
 * machine can outlast the default expect timeout; later checks on the same page are quick.
 */
async function openHistory(page: Page, agentId: number, search = '') {
  await page.goto(`/agents/${agentId}/history${search}`);
  await expect(timeline(page)).toBeVisible({ timeout: 30_000 });
}
const row = (page: Page, version: number) =>
  timeline(page).getByRole('link', { name: new RegExp(`^Version ${version}\\b`) });

test('an admin reverts to an earlier version; a reviewer publishes it; the history records the rollback', async ({
  api,
  signedIn,
}) => {
  // A long journey: three publishes to seed, then two roles each loading the app.
  test.slow();
  const admin = await api('admin');
  const { agent, base, v2, v4 } = await agentWithThreePublishes(admin);
  const editor = await api('editor');
  await editor.ok('PUT', base, { sample_q2: 'An unpublished question from the editor' });
  const page = await signedIn('admin');

  await test.step('the timeline lists the publishes newest first, the latest marked live', async () => {
    await openHistory(page, agent.id);
    await expect(timeline(page).getByRole('link')).toHaveCount(4);
    await expect(timeline(page).getByRole('link').first()).toHaveAccessibleName(/^Version 4\b/);
    await expect(row(page, 4)).toContainText('Live');
    await expect(row(page, 1)).toContainText('Created');
    await expect(row(page, 2)).toContainText('Settings: first sample question and more ReAct iterations');
  });

  const expected = await admin.ok<RevertPreviewWire>('GET', `${base}/publishes/${v2.change_track_id}/diff`);
  expect(expected.staging.has_changes && expected.production.has_changes).toBe(true);

  const dialog = page.getByRole('dialog', {
    name: /^(Revert to version 2\?|Staging reverted to version 2)$/,
  });
  await test.step('the revert preview of version 2 shows exactly the diffs the sandbox computes', async () => {
    await row(page, 2).click();
    await expect(page).toHaveURL(/\?version=2$/);
    await expect(page.getByRole('heading', { name: 'Version 2', level: 2 })).toBeVisible();
    await page.getByRole('button', { name: 'Revert to this version…' }).click();
    await expectDiffOnScreen(
      dialog.getByRole('region', { name: 'What changes in staging', exact: true }),
      expected.staging,
    );
    await expectDiffOnScreen(
      dialog.getByRole('region', {
        name: 'What changes in production once staging is published',
        exact: true,
      }),
      expected.production,
    );
    // The editor's unpublished question would be lost: the preview says so and names it.
    await expect(dialog.getByText('Reverting overwrites unpublished changes in staging')).toBeVisible();
    await expect(dialog.getByRole('listitem').filter({ hasText: 'Sample question 2' })).toBeVisible();
  });

  await test.step('confirming reverts staging only and points to Review changes', async () => {
    await dialog.getByRole('button', { name: 'Revert staging to version 2' }).click();
    await expect(dialog.getByText('Staging now holds version 2')).toBeVisible();
    // The question is answered: the title says what happened.
    await expect(page.getByRole('dialog', { name: 'Staging reverted to version 2' })).toBeVisible();
    await expect(dialog.getByText(/Production is unchanged until staging is published/)).toBeVisible();
    expect((await sandboxCompare(admin, base, v2.change_track_id, 'staging')).has_changes).toBe(false);
    expect((await sandboxCompare(admin, base, v4.change_track_id, 'production')).has_changes).toBe(false);
    await dialog.getByRole('link', { name: 'Review changes' }).click();
    await expect(page).toHaveURL(new RegExp(`/agents/${agent.id}/review$`));
    // The agent's pages say staging was rolled back (the rollback refreshed the agent).
    await expect(page.getByText(/Staging was reverted to version 2 by admin@example\.com/)).toBeVisible();
  });

  const reviewer = await api('reviewer');
  const v5 = await reviewer.publish(agent.id, 'Back to version 2 after the complaint');

  await test.step('the reviewer’s publish is version 5, marked as a rollback to version 2', async () => {
    expect(v5.version).toBe(5);
    const reviewerPage = await signedIn('reviewer');
    await openHistory(reviewerPage, agent.id);
    await expect(row(reviewerPage, 5)).toContainText('Rollback to v2');
    await expect(row(reviewerPage, 5)).toContainText('Live');
    await expect(row(reviewerPage, 5)).toContainText('Back to version 2 after the complaint');
    await expect(row(reviewerPage, 4)).not.toContainText('Live');
    await expect(reviewerPage.getByRole('heading', { name: 'Version 5', level: 2 })).toBeVisible();
    // The publish ends the rolled-back state.
    await expect(reviewerPage.getByText(/Staging was reverted to version/)).toHaveCount(0);
    expect((await sandboxCompare(reviewer, base, v2.change_track_id, 'production')).has_changes).toBe(false);
  });
});

for (const [role, article] of [
  ['reviewer', 'a'],
  ['editor', 'an'],
] as const) {
  test(`${article} ${role} may preview a revert, and is offered none`, async ({ api, signedIn }) => {
    const admin = await api('admin');
    const { agent } = await agentWithThreePublishes(admin);
    const page = await signedIn(role);
    await openHistory(page, agent.id, '?version=2');
    // What they may do is look: the button says so, and the preview offers no revert.
    await expect(page.getByRole('button', { name: 'Revert to this version…' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Preview a revert…' }).click();
    const dialog = page.getByRole('dialog', { name: 'What reverting to version 2 would change' });
    await expect(dialog.getByRole('region', { name: 'What changes in staging', exact: true })).toBeVisible();
    await expect(dialog.getByRole('button', { name: /Revert staging/ })).toHaveCount(0);
    await expect(dialog.getByText(/only people with the rollback permission can revert/)).toBeVisible();
    // The footer's Close (the title bar has a close button of the same name).
    await dialog.getByRole('button', { name: 'Close' }).last().click();
    await expect(dialog).toBeHidden();
  });
}

test('links open a version and a compared pair; the configuration and the diff download as JSON', async ({
  api,
  signedIn,
}) => {
  const admin = await api('admin');
  const { agent, base, v2, v3, v4 } = await agentWithThreePublishes(admin);
  const page = await signedIn('viewer');

  await test.step('?version=3 opens version 3 with what it changed against version 2', async () => {
    await openHistory(page, agent.id, '?version=3');
    await expect(page.getByRole('heading', { name: 'Version 3', level: 2 })).toBeVisible();
    await expect(row(page, 3)).toHaveAttribute('aria-current', 'true');
    await expect(page.getByRole('heading', { name: 'Changes since version 2' })).toBeVisible();
    await expectDiffOnScreen(
      page.getByRole('main'),
      await sandboxCompare(admin, base, v2.change_track_id, v3.change_track_id),
    );
    // The text diffs fit the panel (the viewer's own table is at least 1000 px wide).
    const diffs = page.getByTestId('text-diff');
    await expect(diffs.first()).toBeVisible();
    const overflowing = await diffs.evaluateAll((boxes) =>
      boxes
        .filter((b) => b.scrollWidth > b.clientWidth + 1)
        .map((b) => `${b.scrollWidth} > ${b.clientWidth}`),
    );
    expect(overflowing).toEqual([]);
  });

  await test.step('the version’s configuration and the diff on screen download as JSON', async () => {
    const [configDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download JSON' }).click(),
    ]);
    const config = JSON.parse(await readDownload(configDownload)) as {
      version: number;
      configuration: unknown;
    };
    const detail = await admin.ok<{ snapshot: unknown }>('GET', `${base}/publishes/${v3.change_track_id}`);
    expect(config.version).toBe(3);
    expect(config.configuration).toEqual(detail.snapshot);

    const [diffDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download diff' }).click(),
    ]);
    const diff = JSON.parse(await readDownload(diffDownload)) as {
      before: string;
      after: string;
      has_changes: boolean;
      sections: unknown[];
    };
    const expected = await sandboxCompare(admin, base, v2.change_track_id, v3.change_track_id);
    expect([diff.before, diff.after]).toEqual(['Version 2', 'Version 3']);
    // The file reads like the API's answer.
    expect(diff.has_changes).toBe(true);
    expect(diff.sections).toEqual(expected.sections);
  });

  await test.step('?from=2&to=4 opens the comparison of versions 2 and 4', async () => {
    await openHistory(page, agent.id, '?from=2&to=4');
    await expect(page.getByRole('heading', { name: 'Version 2 → Version 4' })).toBeVisible();
    await expectDiffOnScreen(
      page.getByRole('main'),
      await sandboxCompare(admin, base, v2.change_track_id, v4.change_track_id),
    );
  });

  await test.step('a version compared with Live, from the record’s Compare… button, lands in the URL', async () => {
    await openHistory(page, agent.id, '?version=2');
    await page.getByRole('button', { name: 'Compare…' }).click();
    await expect(page).toHaveURL(/from=2&to=live/);
    await expect(page.getByRole('heading', { name: 'Version 2 → Live' })).toBeVisible();
    await expectDiffOnScreen(
      page.getByRole('main'),
      await sandboxCompare(admin, base, v2.change_track_id, 'production'),
    );
  });

  await test.step('searching notes narrows the timeline and says when nothing matches', async () => {
    await openHistory(page, agent.id);
    await page.getByRole('textbox', { name: 'Search notes' }).fill('member ID');
    await expect(page).toHaveURL(/q=member\+ID/);
    await expect(timeline(page).getByRole('link')).toHaveCount(1);
    await expect(row(page, 3)).toBeVisible();
    await page.getByRole('textbox', { name: 'Search notes' }).fill('no such note anywhere');
    await expect(page.getByText('No publishes match these filters.')).toBeVisible();
  });
});

test('a link to a version far down the history: “Show it in the list” loads it, scrolls to it and hands it the focus', async ({
  api,
  signedIn,
}) => {
  const admin = await api('admin');
  const agent = await admin.createAgent(uniqueName('Long history'));
  // More publishes than the timeline loads at first (two pages of 50).
  for (let i = 1; i <= 110; i++) {
    await admin.ok('PUT', `/api/v2/agents/${agent.id}`, { domain: `Change ${i}` });
    await admin.publish(agent.id, `Publish ${i}`);
  }
  const page = await signedIn('admin');
  await page.goto(`/agents/${agent.id}/history?version=3`);
  await expect(page.getByRole('heading', { name: 'Version 3', level: 2 })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/version 3 is further down/)).toBeVisible();
  await page.getByRole('button', { name: 'Show it in the list' }).click();
  await expect(row(page, 3)).toBeFocused();
  await expect(row(page, 3)).toBeInViewport();
  await expect(page.getByText(/version 3 is further down/)).toHaveCount(0);
});
