import type { Locator, Page } from '@playwright/test';
import { test, expect, pageAs, uniqueName } from './fixtures';

/**
 * What the editor shows the person at the keyboard or on a phone: a refused save brings the field
 * to fix into view, with the focus; focus never sits under the sticky save bar; a conflict is
 * brought into view; and the sections fit a phone's width.
 */

const FIRST_LOAD = { timeout: 30_000 };

/** The element is inside the viewport, and not under the section's sticky save bar. */
async function expectClearOfSaveBar(page: Page, target: Locator) {
  const box = await target.boundingBox();
  const bar = await page.locator('form').locator('[class*="saveBar"]').first().boundingBox();
  const viewport = page.viewportSize();
  expect(box && bar && viewport, 'boxes').toBeTruthy();
  if (!box || !bar || !viewport) return;
  expect(box.y, `${target.toString()} top is on screen`).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height, `${target.toString()} ends above the save bar`).toBeLessThanOrEqual(bar.y + 1);
}

test('a refused save puts the focus on the field to fix, in view', async ({ api, signedIn }) => {
  const admin = await api('admin');
  const agent = await admin.createAgent(uniqueName('Refused save'));
  const page = await signedIn('editor');
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`/agents/${agent.id}/edit?section=settings`);
  const form = page.getByRole('form', { name: 'Settings' });
  const name = form.getByRole('textbox', { name: 'Name', exact: true });
  await expect(name).toBeVisible(FIRST_LOAD);
  await name.fill('');
  // The person is at the foot of the form, far below the field.
  const save = form.getByRole('button', { name: 'Save settings' });
  await save.focus();
  await page.keyboard.press('Enter');
  await expect(form.getByText('Fix the highlighted fields to save.')).toBeVisible();
  await expect(name).toBeFocused();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expectClearOfSaveBar(page, name);
  // What was typed (nothing, here) is kept, and typing there fixes it.
  await page.keyboard.type('Fixed name');
  await save.click();
  await expect(form.getByText('Saved to staging.')).toBeVisible();
});

test('keyboard focus never sits under the sticky save bar', async ({ api, signedIn }) => {
  const admin = await api('admin');
  const agent = await admin.createAgent(uniqueName('Focus under bar'));
  const page = await signedIn('editor');
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`/agents/${agent.id}/edit?section=settings`);
  const form = page.getByRole('form', { name: 'Settings' });
  await expect(form.getByRole('textbox', { name: 'Name', exact: true })).toBeVisible(FIRST_LOAD);
  await form.getByRole('textbox', { name: 'Name', exact: true }).focus();
  const bar = form.locator('[class*="saveBar"]');
  let checked = 0;
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el?.closest('form') || el.closest('[class*="saveBar"]')) return null;
      const box = el.getBoundingClientRect();
      return { label: el.getAttribute('aria-label') ?? el.id, top: box.top, bottom: box.bottom };
    });
    if (!focus) continue;
    const barTop = (await bar.boundingBox())?.y ?? 0;
    expect(focus.top, `${focus.label} is on screen`).toBeGreaterThanOrEqual(0);
    expect(focus.bottom, `${focus.label} ends above the save bar`).toBeLessThanOrEqual(barTop + 1);
    checked++;
  }
  expect(checked).toBeGreaterThan(10);
});

test('a conflict is brought into view and given the focus', async ({ api, signedIn }) => {
  const admin = await api('admin');
  const agent = await admin.createAgent(uniqueName('Conflict in view'));
  const page = await signedIn('editor');
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`/agents/${agent.id}/edit?section=settings`);
  const form = page.getByRole('form', { name: 'Settings' });
  const question = form.getByRole('textbox', { name: 'Sample question 3' });
  await expect(question).toBeVisible(FIRST_LOAD);
  await question.fill('Mine, near the foot of the form');
  // Someone else saves the same field meanwhile.
  await (await api('editor2')).ok('PUT', `/api/v2/agents/${agent.id}`, { sample_q3: 'Theirs' });
  await form.getByRole('button', { name: 'Save settings' }).click();
  const panel = page.getByRole('alert').filter({ hasText: 'Someone else changed this section' });
  await expect(panel).toBeFocused();
  await expect(panel).toBeInViewport({ ratio: 0.2 });
});

test('the editor fits a phone: nothing runs past the right edge', async ({ api, browser, request }) => {
  const admin = await api('admin');
  const agent = await admin.createAgent(uniqueName('Phone width'));
  const page = await pageAs(browser, request, 'editor');
  await page.setViewportSize({ width: 390, height: 844 });
  for (const section of ['settings', 'access', 'instructions', 'knowledge', 'tools', 'guardrails']) {
    await page.goto(`/agents/${agent.id}/edit?section=${section}`);
    await expect(page.locator('form').first()).toBeVisible(FIRST_LOAD);
    await expect(page.locator('form').locator('[class*="saveBar"]').first()).toBeVisible();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, `${section} is ${width} px wide`).toBeLessThanOrEqual(390);
  }
});

test('the editor still fits a phone with unsaved changes: their mark in the section menu, a short save bar', async ({
  api,
  browser,
  request,
}) => {
  const admin = await api('admin');
  const agent = await admin.createAgent(uniqueName('Phone width, unsaved'));
  const page = await pageAs(browser, request, 'editor');
  await page.setViewportSize({ width: 390, height: 844 });
  // The last section of the menu: its mark sits furthest right, where the row scrolls.
  await page.goto(`/agents/${agent.id}/edit?section=guardrails`);
  const jailbreak = page.getByRole('switch', { name: 'Jailbreak detection' });
  await jailbreak.click({ force: true, ...FIRST_LOAD });
  await expect(jailbreak).toBeChecked();
  await expect(page.getByRole('link', { name: /Guardrails.*unsaved changes/ })).toBeAttached();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `the page is ${width} px wide`).toBeLessThanOrEqual(390);
  // The sticky save bar keeps to two short lines: its status, then both buttons side by side.
  const bar = await page.locator('form').locator('[class*="saveBar"]').first().boundingBox();
  expect(bar?.height, 'the save bar’s height').toBeLessThan(100);
  expect(await page.getByRole('button', { name: 'Discard changes' }).innerText()).toBe('Discard');
});

test('a conflict fits a phone: theirs above yours, and both choices on screen', async ({
  api,
  browser,
  request,
}) => {
  const admin = await api('admin');
  const agent = await admin.createAgent(uniqueName('Conflict on a phone'));
  const page = await pageAs(browser, request, 'editor');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/agents/${agent.id}/edit?section=settings`);
  const form = page.getByRole('form', { name: 'Settings' });
  await form.getByRole('textbox', { name: 'Sample question 1' }).fill('Mine', FIRST_LOAD);
  await (await api('editor2')).ok('PUT', `/api/v2/agents/${agent.id}`, { sample_q1: 'Theirs' });
  await form.getByRole('button', { name: 'Save settings' }).click();
  const panel = page.getByRole('alert').filter({ hasText: 'Someone else changed this section' });
  await expect(panel).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `the page is ${width} px wide`).toBeLessThanOrEqual(390);
  for (const name of ['Keep mine and save', 'Take theirs']) {
    const box = await panel.getByRole('button', { name }).boundingBox();
    expect(box && box.x + box.width, `${name} ends inside the screen`).toBeLessThanOrEqual(390);
  }
  const cells = panel.getByRole('table', { name: 'Their version and yours' }).getByRole('cell');
  const theirs = await cells.filter({ hasText: 'Theirs' }).last().boundingBox();
  const mine = await cells.filter({ hasText: 'Mine' }).last().boundingBox();
  expect(theirs && mine && mine.y > theirs.y, 'yours is below theirs').toBe(true);
  expect(mine && mine.x + mine.width, 'yours ends inside the screen').toBeLessThanOrEqual(390);
  // The head row is out of sight on a phone, yet still names each column for screen readers.
  for (const name of ['Theirs (in staging now)', 'Yours (saved by “Keep mine”)']) {
    await expect(panel.getByRole('columnheader', { name })).toBeAttached();
  }
});

test('a field takes the direction of what is typed: Arabic reads right to left, each paragraph its own', async ({
  api,
  signedIn,
}) => {
  const admin = await api('admin');
  const agent = await admin.createAgent(uniqueName('Right to left'));
  const page = await signedIn('editor');
  await page.goto(`/agents/${agent.id}/edit?section=settings`);
  const fields = [
    page.getByRole('textbox', { name: 'Name' }),
    page.getByRole('textbox', { name: 'Description' }),
    page.getByRole('textbox', { name: 'System prompt' }),
  ];
  await fields[0]!.fill('مساعد الموارد البشرية', FIRST_LOAD);
  for (const [i, field] of fields.entries()) {
    const style = await field.evaluate((e) => {
      const s = getComputedStyle(e);
      return `${s.unicodeBidi} ${s.textAlign}`;
    });
    expect(style, `field ${i + 1}`).toBe('plaintext start');
  }
});

test('after a save the focus stays in the section, on what it now says', async ({ api, signedIn }) => {
  const admin = await api('admin');
  const agent = await admin.createAgent(uniqueName('Focus after save'));
  const page = await signedIn('editor');
  await page.goto(`/agents/${agent.id}/edit?section=settings`);
  const form = page.getByRole('form', { name: 'Settings' });
  await form.getByRole('textbox', { name: 'Sample question 1' }).fill('Where is my payslip?', FIRST_LOAD);
  await form.getByRole('button', { name: 'Save settings' }).focus();
  await page.keyboard.press('Enter');
  const status = form.getByRole('status').filter({ hasText: 'Saved to staging.' });
  await expect(status).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(form.getByRole('link', { name: 'Review changes' })).toBeFocused();
});

test('a link to another page leaves the focus on that page’s heading', async ({ api, signedIn }) => {
  const admin = await api('admin');
  const name = uniqueName('Focus after link');
  await admin.createAgent(name);
  const page = await signedIn('editor');
  await page.goto(`/agents?q=${encodeURIComponent(name)}`);
  const link = page.getByRole('link', { name });
  await expect(link).toBeVisible(FIRST_LOAD);
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name })).toBeFocused();
});

test('the agent list fits a phone: a long name wraps, and each row still says its project, version and last publish', async ({
  api,
  browser,
  request,
}) => {
  const admin = await api('admin');
  const name = uniqueName(`Phone list ${'Unbreakablewordwithoutanyspaces'.repeat(3)}`);
  await admin.createAgent(name);
  const page = await pageAs(browser, request, 'editor');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/agents?q=${encodeURIComponent(name)}`);
  const link = page.getByRole('link', { name });
  await expect(link).toBeVisible(FIRST_LOAD);
  const newAgent = page.getByRole('button', { name: 'New agent' });
  await expect(newAgent).toBeVisible();
  // The button keeps its whole label, and nothing runs past the right edge, the table included.
  expect(await newAgent.evaluate((b) => b.scrollWidth <= b.clientWidth)).toBe(true);
  const widths = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.querySelector('table')!.getBoundingClientRect().right,
  ]);
  expect(widths[0]).toBeLessThanOrEqual(390);
  expect(widths[1]).toBeLessThanOrEqual(390);
  const row = page.getByRole('row').filter({ has: link });
  await expect(row.getByText(/^.+ · (v\d+|Not live) · (published .+|never published)$/)).toBeVisible();
});
