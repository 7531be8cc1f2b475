import { DEFAULT_THEME, mergeMantineTheme } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { contrast, rgb, WHITE } from '@/test/contrast';
import { cssVariablesResolver, theme } from './theme';

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
    expect(contrast(rgb(resolve(error!)), WHITE)).toBeGreaterThanOrEqual(4.5);
  });
});
