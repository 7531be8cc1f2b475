import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * Toasts at the bottom stay above an editor's save bar (60 px tall on a desktop, 81 on a phone,
 * fixed to the bottom of the window while a section scrolls), whose buttons they covered.
 */
const css = readFileSync(new URL('./toasts.module.css', import.meta.url), 'utf8');
const SAVE_BAR_HEIGHT = 81;

/** The declarations of the first rule whose selector is `selector`. */
function rule(selector: string): string {
  const start = css.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`no rule ${selector}`);
  return css.slice(start, css.indexOf('}', start));
}

function bottom(selector: string): number {
  const match = /\bbottom:\s*(\d+)px/.exec(rule(selector));
  return match ? Number(match[1]) : 0;
}

describe('toasts above the save bar', () => {
  it('raises the notifications’ bottom stacks clear of it', () => {
    expect(bottom(".notifications[data-position^='bottom']")).toBeGreaterThan(SAVE_BAR_HEIGHT);
  });

  it('raises the plain stack (the notifications’ code not loaded) clear of it, and off the top', () => {
    expect(bottom('.stack')).toBeGreaterThan(SAVE_BAR_HEIGHT);
    expect(rule('.stack')).not.toMatch(/\btop:/);
  });
});
