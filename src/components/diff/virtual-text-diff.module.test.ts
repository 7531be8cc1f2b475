import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

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

type Rgb = [number, number, number];
const rgb = (hex: string): Rgb => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
const mix = (top: Rgb, under: Rgb, share: number): Rgb =>
  top.map((c, i) => c * share + under[i]! * (1 - share)) as Rgb;
const luminance = ([r, g, b]: Rgb) => {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
};
const contrastWithWhite = (c: Rgb) => 1.05 / (luminance(c) + 0.05);

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
