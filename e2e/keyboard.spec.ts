import type { Locator, Page } from '@playwright/test';
import { test, expect, uniqueName } from './fixtures';

/**
 * Every flow with the keyboard alone: edit, review with the shortcuts, publish, open a version,
 * revert. Focus is always visible, and returns to the control that opened a modal when it closes.
 */

const FIRST_LOAD = { timeout: 30_000 };

/** Presses Tab until `target` has focus (at most `max` times), as a keyboard user would. */
async function tabTo(page: Page, target: Locator, max = 60) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

/**
 * The focused element shows a focus indicator: it matches :focus-visible and looks different
 * from when it is not focused (an outline or ring for buttons and links, a coloured border for
 * text fields).
 */
async function expectVisibleFocus(target: Locator) {
  await expect(target).toBeFocused();
  // Compare end states, not the middle of a border-colour transition.
  await target.page().addStyleTag({ content: '*, *::before, *::after { transition: none !important; }' });
  const look = await target.evaluate((el) => {
    const snapshot = () => {
      const style = getComputedStyle(el);
      return [
        style.outlineStyle,
        style.outlineWidth,
        style.outlineColor,
        style.boxShadow,
        style.borderColor,
      ].join('|');
    };
    const focusVisible = el.matches(':focus-visible');
    const focused = snapshot();
    (el as HTMLElement).blur();
    const unfocused = snapshot();
    (el as HTMLElement).focus();
    return { focusVisible, differs: focused !== unfocused };
  });
  expect(look.focusVisible, `${target.toString()} matches :focus-visible`).toBe(true);
  expect(look.differs, `${target.toString()} looks focused`).toBe(true);
  await expect(target).toBeFocused();
}

test('an editor edits and saves with the keyboard alone', async ({ api, signedIn }) => {
  const admin = await api('admin');
  const agent = await admin.createAgent(uniqueName('Keyboard edit'));
  const page = await signedIn('editor');
  await page.goto(`/agents/${agent.id}/edit?section=settings`);
  const form = page.getByRole('form', { name: 'Settings' });
  await expect(form.getByRole('textbox', { name: 'Sample question 1' })).toBeVisible(FIRST_LOAD);

  await test.step('Tab reaches the field, with visible focus, and typing fills it', async () => {
    const field = form.getByRole('textbox', { name: 'Sample question 1' });
    await tabTo(page, field);
    await expectVisibleFocus(field);
    await page.keyboard.type('Typed without a mouse');
  });

  await test.step('Tab reaches Save, and Enter saves', async () => {
    const save = form.getByRole('button', { name: 'Save settings' });
    await tabTo(page, save);
    await expectVisibleFocus(save);
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => (await admin.staging<{ sample_q1: string }>(agent.id)).sample_q1)
      .toBe('Typed without a mouse');
  });

  await test.step('the section navigation works from the keyboard', async () => {
    const tools = page
      .getByRole('navigation', { name: 'Configuration sections' })
      .getByRole('link', { name: /^Tools/ });
    await tabTo(page, tools, 120);
    await expectVisibleFocus(tools);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/section=tools/);
    await expect(page.getByRole('form', { name: 'Tools' })).toBeVisible();
  });
});

test('a reviewer reviews with the shortcuts and publishes with the keyboard alone', async ({
  api,
  signedIn,
}) => {
  test.slow();
  const admin = await api('admin');
  const agent = await admin.createAgent(uniqueName('Keyboard review'));
  const base = `/api/v2/agents/${agent.id}`;
  await admin.ok('PUT', base, { sample_q1: 'Keyboard question' });
  await admin.ok('POST', `${base}/instructions`, { instruction: 'Keyboard instruction' });
  const page = await signedIn('reviewer');
  await page.goto(`/agents/${agent.id}/review`);
  const main = page.getByRole('main');
  await expect(main.getByRole('region', { name: 'Instructions', exact: true })).toBeVisible(FIRST_LOAD);
  const index = page.getByRole('navigation', { name: 'Sections' });

  await test.step('n moves to a section and v marks it viewed; again for the next', async () => {
    await page.keyboard.press('n');
    await page.keyboard.press('v');
    await expect(index.getByText('1 of 2 sections viewed')).toBeVisible();
    await page.keyboard.press('n');
    await page.keyboard.press('v');
    await expect(index.getByText('2 of 2 sections viewed')).toBeVisible();
    await page.keyboard.press('j');
    await page.keyboard.press('k');
  });

  const publish = page.getByRole('button', { name: 'Publish…' });
  await test.step('? opens the shortcuts; Escape closes them and focus returns where it was', async () => {
    await tabTo(page, publish, 120);
    await expectVisibleFocus(publish);
    await page.keyboard.press('?');
    const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(shortcuts).toBeVisible();
    await expect(shortcuts.getByText('Next change')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(shortcuts).toBeHidden();
    await expect(publish).toBeFocused();
  });

  await test.step('Enter opens the publish dialog with focus inside; a note and Enter publish', async () => {
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Publish to production' });
    await expect(dialog).toBeVisible();
    const note = dialog.getByRole('textbox', { name: 'Note' });
    await tabTo(page, note, 10);
    await expectVisibleFocus(note);
    await page.keyboard.type('Published from the keyboard');
    const confirm = dialog.getByRole('button', { name: 'Publish', exact: true });
    await tabTo(page, confirm, 10);
    await expectVisibleFocus(confirm);
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(
      page.getByRole('status').filter({ hasText: 'Published version 2 to production' }),
    ).toBeVisible();
    const history = await admin.ok<{ publish_records: { note: string }[] }>('GET', `${base}/publishes`);
    expect(history.publish_records[0]?.note).toBe('Published from the keyboard');
  });

  await test.step('after the dialog closes, focus is on the page, not lost', async () => {
    const focused = await page.evaluate(() => document.activeElement?.tagName ?? null);
    expect(focused).not.toBeNull();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement !== document.body)).toBe(true);
  });
});

test('an admin opens a version and reverts with the keyboard alone', async ({ api, signedIn }) => {
  test.slow();
  const admin = await api('admin');
  const agent = await admin.createAgent(uniqueName('Keyboard revert'));
  await admin.ok('PUT', `/api/v2/agents/${agent.id}`, { sample_q1: 'Version two' });
  await admin.publish(agent.id, 'Version two');
  const page = await signedIn('admin');
  await page.goto(`/agents/${agent.id}/history`);
  const timeline = page.getByRole('list', { name: 'Publish history' });
  await expect(timeline.getByRole('link')).toHaveCount(2, FIRST_LOAD);

  await test.step('Tab reaches version 1 in the timeline and Enter opens it', async () => {
    const version1 = timeline.getByRole('link', { name: /^Version 1\b/ });
    await tabTo(page, version1, 120);
    await expectVisibleFocus(version1);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\?version=1$/);
    await expect(page.getByRole('heading', { name: 'Version 1', level: 2 })).toBeVisible();
  });

  const open = page.getByRole('button', { name: 'Revert to this version…' });
  const dialog = page.getByRole('dialog', {
    name: /^(Revert to version 1\?|Staging reverted to version 1)$/,
  });
  await test.step('Escape closes the revert preview and focus returns to its button', async () => {
    await tabTo(page, open, 120);
    await expectVisibleFocus(open);
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('region', { name: 'What changes in staging', exact: true })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(open).toBeFocused();
  });

  await test.step('Enter opens it again; Tab reaches the confirm button; Enter reverts', async () => {
    await page.keyboard.press('Enter');
    const confirm = dialog.getByRole('button', { name: 'Revert staging to version 1' });
    await expect(confirm).toBeEnabled(FIRST_LOAD);
    await tabTo(page, confirm, 40);
    await expectVisibleFocus(confirm);
    await page.keyboard.press('Enter');
    await expect(dialog.getByText('Staging now holds version 1')).toBeVisible();
    expect((await admin.staging<{ sample_q1: string }>(agent.id)).sample_q1).toBe('');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(open).toBeFocused();
  });
});

test('the focus never falls off the page when a dialog closes with Escape or the focused control goes', async ({
  api,
  signedIn,
}) => {
  const admin = await api('admin');
  const agent = await admin.createAgent(uniqueName('Focus kept'));
  for (const instruction of ['First rule.', 'Second rule.']) {
    await admin.ok('POST', `/api/v2/agents/${agent.id}/instructions`, { instruction });
  }
  const page = await signedIn('admin');

  await test.step('New agent, closed with Escape the first time it opens: back on its button', async () => {
    await page.goto('/agents');
    const newAgent = page.getByRole('button', { name: 'New agent' });
    await tabTo(page, newAgent);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog', { name: 'New agent' })).toBeVisible(FIRST_LOAD);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: 'New agent' })).toBeHidden();
    await expect(newAgent).toBeFocused();
  });

  await test.step('Delete agent, closed with Escape: back on "More actions"', async () => {
    await page.goto(`/agents/${agent.id}/edit?section=instructions`);
    const actions = page.getByRole('button', { name: 'More actions' });
    await tabTo(page, actions);
    await page.keyboard.press('Enter');
    await page.getByRole('menuitem', { name: 'Delete agent…' }).press('Enter');
    await expect(page.getByRole('dialog', { name: 'Delete agent' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: 'Delete agent' })).toBeHidden();
    await expect(actions).toBeFocused();
  });

  await test.step('a deleted instruction hands the focus to the next, the last to "Add instruction"', async () => {
    const form = page.getByRole('form', { name: 'Instructions' });
    await tabTo(page, form.getByRole('button', { name: 'Delete instruction 1' }));
    await page.keyboard.press('Enter');
    await expect(form.getByRole('textbox', { name: 'Instruction 1' })).toBeFocused();
    await expect(form.getByRole('textbox', { name: 'Instruction 1' })).toHaveValue('Second rule.');
    await tabTo(page, form.getByRole('button', { name: 'Delete instruction 1' }));
    await page.keyboard.press('Enter');
    await expect(form.getByRole('button', { name: 'Add instruction' })).toBeFocused();
  });

  await test.step('Discard changes asks first, then hands the focus to the first field', async () => {
    const form = page.getByRole('form', { name: 'Instructions' });
    await tabTo(page, form.getByRole('button', { name: 'Discard changes' }));
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Discard unsaved changes?' });
    await expect(dialog.getByRole('button', { name: 'Keep editing' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(dialog.getByRole('button', { name: 'Discard' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(form.getByRole('textbox', { name: 'Instruction 1' })).toBeFocused();
    await expect(form.getByRole('textbox', { name: 'Instruction 1' })).toHaveValue('First rule.');
  });
});

test('on the dark scheme the focus ring keeps 3:1 against the surface behind it', async ({
  api,
  signedIn,
}) => {
  const admin = await api('admin');
  const agent = await admin.createAgent(uniqueName('Dark focus'));
  const page = await signedIn('editor');
  await page.addInitScript(() => window.localStorage.setItem('ejento.color-scheme', 'dark'));
  await page.goto(`/agents/${agent.id}/edit?section=tools`);
  const form = page.getByRole('form', { name: 'Tools' });
  // A tab (the ring on itself) and a switch (the ring on its track, beside the input).
  const toggle = form.getByRole('switch').first();
  await expect(toggle).toBeAttached(FIRST_LOAD);
  for (const target of [page.getByRole('tab', { name: 'Edit' }), toggle]) {
    await tabTo(page, target);
    const ratio = await target.evaluate((el) => {
      const ringed = [el, el.nextElementSibling].find(
        (e): e is Element => e !== null && getComputedStyle(e).outlineStyle !== 'none',
      );
      if (!ringed) return 0;
      const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
      const luminance = (css: string) => {
        const [r = 0, g = 0, b = 0] = rgb(css).map((v) => {
          const c = v / 255;
          return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      // The first opaque background behind the ring.
      let behind: Element | null = ringed.parentElement;
      let background = 'rgb(0, 0, 0)';
      while (behind) {
        const bg = getComputedStyle(behind).backgroundColor;
        if (bg !== 'rgba(0, 0, 0, 0)' && !bg.startsWith('rgba')) {
          background = bg;
          break;
        }
        behind = behind.parentElement;
      }
      const [hi, lo] = [luminance(getComputedStyle(ringed).outlineColor), luminance(background)].sort(
        (a, b) => b - a,
      );
      return (hi! + 0.05) / (lo! + 0.05);
    });
    expect(ratio, `${target.toString()}: focus ring contrast`).toBeGreaterThanOrEqual(3);
  }
  // A text field shows its focus by its border, against the field's own background.
  await page.goto(`/agents/${agent.id}/edit?section=settings`);
  const name = page.getByRole('textbox', { name: 'Name' });
  await expect(name).toBeVisible(FIRST_LOAD);
  await tabTo(page, name);
  const borderContrast = () =>
    name.evaluate((el) => {
      const style = getComputedStyle(el);
      const luminance = (css: string) => {
        const [r = 0, g = 0, b = 0] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
          const c = Number(v) / 255;
          return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const [hi, lo] = [luminance(style.borderTopColor), luminance(style.backgroundColor)].sort(
        (a, b) => b - a,
      );
      return (hi! + 0.05) / (lo! + 0.05);
    });
  // Mantine eases a field's border colour over 100 ms: it is read until it has settled.
  await expect
    .poll(borderContrast, { message: 'a focused field’s border contrast', timeout: 5_000 })
    .toBeGreaterThanOrEqual(3);
});
