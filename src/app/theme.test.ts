import { DEFAULT_THEME, mergeMantineTheme } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { cssVariablesResolver, theme } from './theme';

type Rgb = [number, number, number];
const rgb = (hex: string): Rgb => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
const luminance = ([r, g, b]: Rgb) => {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
};
const contrast = (a: Rgb, b: Rgb) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

const merged = mergeMantineTheme(DEFAULT_THEME, theme);
const light = cssVariablesResolver(merged).light;

/** A `var(--mantine-color-<name>-<shade>)` of the light scheme, as the hex the theme holds. */
function resolve(value: string): string {
  const shade = /^var\(--mantine-color-(\w+)-(\d)\)$/.exec(value);
  if (!shade) return value;
  return merged.colors[shade[1]!]![Number(shade[2])]!;
}

describe('the light scheme', () => {
  it("draws a field's error in a red that reads at WCAG AA (4.5:1) on white", () => {
    const error = light['--mantine-color-error'];
    expect(error).toBeDefined();
    expect(contrast(rgb(resolve(error!)), [255, 255, 255])).toBeGreaterThanOrEqual(4.5);
  });
});
