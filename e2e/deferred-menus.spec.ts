import type { Page, Route } from '@playwright/test';
import { test, expect, USERS } from './fixtures';

/**
 * The header's menus load their code when the pointer reaches them. Wherever that code arrives
 * within a click (as the press starts, between the press and the release, after it), one click
 * opens the menu and the menu stays open.
 */

/** Holds the next request for the menu's code until `release` is called. */
async function holdChunk(page: Page, pattern: RegExp) {
  let route: Route | null = null;
  let requested: () => void = () => undefined;
  const wasRequested = new Promise<void>((resolve) => (requested = resolve));
  await page.route(pattern, (r) => {
    route = r;
    requested();
  });
  return {
    wasRequested,
    release: async () => {
      await route!.continue();
      await page.unroute(pattern);
    },
  };
}

/** Opens the agent list with the menu's code held, and brings the pointer over the trigger. */
async function pointAtTrigger(page: Page, chunk: RegExp, button: RegExp) {
  const held = await holdChunk(page, chunk);
  await page.goto('/agents');
  await expect(page.getByRole('heading', { name: 'Agents', level: 1 })).toBeVisible({ timeout: 30_000 });
  const trigger = page.getByRole('banner').getByRole('button', { name: button });
  const box = (await trigger.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await held.wasRequested;
  return { trigger, release: held.release };
}

/** Past Mantine's closing transition: a menu the press shut would be gone by then. */
const TRANSITION_MS = 500;

const MENUS = [
  { name: 'account', chunk: /user-menu-loaded-[^/]*\.js$/, button: /account menu$/, shows: USERS.editor },
  {
    name: 'colour scheme',
    chunk: /color-scheme-menu-loaded-[^/]*\.js$/,
    button: /^Color scheme/,
    shows: 'Dark',
  },
];

for (const menu of MENUS) {
  test(`the ${menu.name} menu opens with one click however its code arrives within the click`, async ({
    signedIn,
  }) => {
    test.slow();
    const page = await signedIn('editor');
    const dropdown = page.getByRole('menu');

    await test.step('the code arrives between the press and the release', async () => {
      const { release } = await pointAtTrigger(page, menu.chunk, menu.button);
      await page.mouse.down();
      await release();
      await expect(dropdown).toBeVisible();
      await page.mouse.up();
      await page.waitForTimeout(TRANSITION_MS);
      await expect(dropdown.getByText(menu.shows, { exact: true })).toBeVisible({ timeout: 1 });
    });

    await test.step('the code arrives as the press starts', async () => {
      // The pointer-down reaches the stand-in and the real menu comes in before the mouse-down
      // of the same press. Chromium then sends that mouse-down to the header around the stand-in
      // (which is gone), and the release to the real trigger, with no click. This is what a
      // traced run of this race recorded; the events are sent here one by one, in that order,
      // because in a real click the race is won only now and then.
      const { trigger, release } = await pointAtTrigger(page, menu.chunk, menu.button);
      const mouse = { button: 0 };
      const pointer = { button: 0, isPrimary: true, pointerType: 'mouse' };
      await trigger.dispatchEvent('pointerdown', pointer);
      await release();
      await expect(dropdown).toBeVisible();
      await page.getByRole('banner').dispatchEvent('mousedown', mouse);
      await trigger.dispatchEvent('pointerup', pointer);
      await trigger.dispatchEvent('mouseup', mouse);
      await page.waitForTimeout(TRANSITION_MS);
      await expect(dropdown.getByText(menu.shows, { exact: true })).toBeVisible({ timeout: 1 });
    });

    await test.step('after that, the menu is the person’s again: a click outside shuts it', async () => {
      await page.mouse.click(5, 500);
      await expect(dropdown).toBeHidden();
    });
  });
}
