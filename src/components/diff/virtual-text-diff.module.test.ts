import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contrast, mix, rgb, WHITE, type Rgb } from '@/test/contrast';

/**
 * The changed words of a long text diff are white on the dark scheme, over a mix of a mid colour
 * and the line's own. The browser composites the mix over the line, so the contrast is computed
 * here the same way, from the stylesheet's percentages.
 */
const css = readFileSync(new URL('./virtual-text-diff.module.css', import.meta.url), 'utf8');

/** Mantine's colours on the dark scheme, as the browser reports them. */
const DARK = {
  green5: '#51cf66',
  greenLight: '#16451f', // the added line
  red5: '#ff6b6b',
  redLight: '#651515', // the removed line
};

const contrastWithWhite = (c: Rgb) => contrast(c, WHITE);

/** The percentage of `color` mixed in the dark-scheme rule of `.className`. */
function darkShare(className: string, color: string): number {
  const rule = css.slice(css.indexOf(`.${className} {`));
  const dark = rule.slice(rule.indexOf('@mixin dark'));
  const match = new RegExp(`var\\(--mantine-color-${color}\\) (\\d+)%`).exec(dark);
  if (!match) throw new Error(`no dark ${color} mix in .${className}`);
  return Number(match[1]) / 100;
}

describe('changed words on the dark scheme', () => {
  it('keeps white added words at WCAG AA contrast (4.5:1) on their highlight', () => {
    const highlight = mix(rgb(DARK.green5), rgb(DARK.greenLight), darkShare('wordAdded', 'green-5'));
    expect(contrastWithWhite(highlight)).toBeGreaterThanOrEqual(4.5);
  });

  it('keeps white removed words at WCAG AA contrast (4.5:1) on their highlight', () => {
    const highlight = mix(rgb(DARK.red5), rgb(DARK.redLight), darkShare('wordRemoved', 'red-5'));
    expect(contrastWithWhite(highlight)).toBeGreaterThanOrEqual(4.5);
  });
});
