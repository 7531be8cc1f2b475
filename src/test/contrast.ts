/** WCAG 2 contrast, for tests that check the console's colours from its theme and stylesheets. */

export type Rgb = [number, number, number];

/** `#rrggbb` as its three channels. */
export const rgb = (hex: string): Rgb => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;

/** `top` laid over `under` at `share` (0–1), as `color-mix(in srgb, …)` composites it. */
export const mix = (top: Rgb, under: Rgb, share: number): Rgb =>
  top.map((c, i) => c * share + under[i]! * (1 - share)) as Rgb;

/** Relative luminance. */
export function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** The contrast ratio of two colours, 1 to 21. */
export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

export const WHITE: Rgb = [255, 255, 255];
