/**
 * Characters a diff cannot show: they take no room (zero-width space, soft hyphen, direction
 * marks) or look like an ordinary space (no-break space, thin space). A text that gains or loses
 * one reads the same on both sides, or shows a space marked as changed for no visible reason.
 * Multi-line texts may hold them (a prompt pasted from a word processor brings no-break spaces),
 * and a name or a sample question may hold the space-like ones. The zero-width joiner and the
 * variation selectors are left out: they are parts of emoji and scripts, which show.
 */
const HIDDEN =
  /[\u00a0\u00ad\u061c\u180e\u2000-\u200c\u200e\u200f\u2028\u2029\u202a-\u202f\u205f-\u2064\u2066-\u2069\u3000\ufeff]/g;

const NAMES: Readonly<Record<number, string>> = {
  0x00a0: 'no-break space',
  0x00ad: 'soft hyphen',
  0x200b: 'zero-width space',
  0x200c: 'zero-width non-joiner',
  0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark',
  0x2028: 'line separator',
  0x2029: 'paragraph separator',
  0x202f: 'narrow no-break space',
  0x2060: 'word joiner',
  0x3000: 'ideographic space',
  0xfeff: 'zero-width no-break space',
};

function nameOf(code: number): string {
  const name =
    NAMES[code] ??
    (code >= 0x2000 && code <= 0x200a
      ? 'space'
      : (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)
        ? 'text-direction control'
        : 'invisible character');
  return `${name} (U+${code.toString(16).toUpperCase().padStart(4, '0')})`;
}

/** The text of a value as the diff shows it: a string as it is, anything else as JSON. */
const textOf = (value: unknown): string =>
  typeof value === 'string' ? value : value === null || value === undefined ? '' : JSON.stringify(value);

function counts(text: string): Map<number, number> {
  const found = new Map<number, number>();
  for (const [c] of text.matchAll(HIDDEN)) {
    const code = c.charCodeAt(0);
    found.set(code, (found.get(code) ?? 0) + 1);
  }
  return found;
}

const MAX_LISTED = 4;

/**
 * Which of those characters differ between the two sides, and how many each side holds, in a
 * sentence; null when they are alike (an unchanged no-break space is no difference).
 */
export function hiddenCharactersChange(
  before: unknown,
  after: unknown,
  beforeLabel: string,
  afterLabel: string,
): string | null {
  const was = counts(textOf(before));
  const now = counts(textOf(after));
  const codes = [...new Set([...was.keys(), ...now.keys()])]
    .filter((code) => was.get(code) !== now.get(code))
    .sort((a, b) => a - b);
  if (codes.length === 0) return null;
  const many = (n: number | undefined) => (n ? n.toLocaleString('en-US') : 'none');
  const listed = codes
    .slice(0, MAX_LISTED)
    .map(
      (code) =>
        `${nameOf(code)}, ${many(was.get(code))} in ${beforeLabel} and ${many(now.get(code))} in ${afterLabel}`,
    );
  const more = codes.length - listed.length;
  return `Characters the diff cannot show differ: ${listed.join('; ')}${more > 0 ? `; and ${more} more` : ''}.`;
}
