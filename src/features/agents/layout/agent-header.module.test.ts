import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contrast, rgb } from '@/test/contrast';

/**
 * "Delete agent…" has the focus, so its highlight, as soon as its menu opens: its red must read
 * on the highlight as well as on the menu, in both schemes.
 */
const css = readFileSync(new URL('./agent-header.module.css', import.meta.url), 'utf8');
const rule = css.slice(css.indexOf('.deleteItem {'));
const color =
  /--menu-item-color: light-dark\(var\(--mantine-color-([\w-]+)\), var\(--mantine-color-([\w-]+)\)\)/.exec(
    rule,
  );
const hover = /--menu-item-hover: var\(--mantine-color-([\w-]+)\)/.exec(rule);

/** Mantine's colours and the console's overrides, as the browser reports them in each scheme. */
const SCHEMES: Record<'light' | 'dark', Record<string, string>> = {
  light: { 'red-light-color': '#8d1d1d', 'red-text': '#e03131', 'red-light': '#ffe3e3', menu: '#ffffff' },
  dark: { 'red-light-color': '#fff5f5', 'red-text': '#ff8787', 'red-light': '#651515', menu: '#2e2e2e' },
};

describe('the red of "Delete agent…"', () => {
  it.each([
    ['light', 1],
    ['dark', 2],
  ] as const)('reads at WCAG AA (4.5:1) on the %s menu and on its highlight', (scheme, group) => {
    expect(color).not.toBeNull();
    expect(hover).not.toBeNull();
    const colors = SCHEMES[scheme];
    const text = colors[color![group]!]!;
    const highlight = colors[hover![1]!]!;
    expect(contrast(rgb(text), rgb(colors.menu!))).toBeGreaterThanOrEqual(4.5);
    expect(contrast(rgb(text), rgb(highlight))).toBeGreaterThanOrEqual(4.5);
  });
});
