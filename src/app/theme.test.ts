import { DEFAULT_THEME, mergeMantineTheme } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { contrast, rgb, WHITE } from '@/test/contrast';
import { cssVariablesResolver, theme } from './theme';

const merged = mergeMantineTheme(DEFAULT_THEME, theme);
const light = cssVariablesResolver(merged).light;
const dark = cssVariablesResolver(merged).dark;

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
    expect(contrast(rgb(resolve(error!)), WHITE)).toBeGreaterThanOrEqual(4.5);
  });
});

describe('the dark scheme', () => {
  it("draws a field's error in a red that reads at WCAG AA (4.5:1) on the dark body and cards", () => {
    const error = dark['--mantine-color-error'];
    expect(error).toBeDefined();
    // The body (dark 7), under the sign-in card and the dialogs, and a field in error (dark 6),
    // whose text turns red too.
    for (const background of [merged.colors.dark[7], merged.colors.dark[6]]) {
      expect(contrast(rgb(resolve(error!)), rgb(background))).toBeGreaterThanOrEqual(4.5);
    }
  });
});
