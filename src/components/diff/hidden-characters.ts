/**
 * Characters a diff cannot show: they take no room (zero-width space, soft hyphen, direction
 * marks) or look like an ordinary space (no-break space, thin space). A text that gains or loses
 * one reads the same on both sides, or shows a space marked as changed for no visible reason.
 * Multi-line texts may hold them (a prompt pasted from a word processor brings no-break spaces),
 * and a name or a sample question may hold the space-like ones. The zero-width joiner and the
 * variation selectors are left out: they are parts of emoji and scripts, which show.
 */
/** The same characters as `isHidden`, for a first look in native code: most texts hold none. */
const ANY_HIDDEN =
  /[\u00a0\u00ad\u061c\u180e\u2000-\u200c\u200e\u200f\u2028\u2029\u202a-\u202f\u205f-\u2064\u2066-\u2069\u3000\ufeff]/;

/**
 * Whether a UTF-16 unit is one of those characters. The hot test of a scan over a whole prompt:
 * numbers only, and text below U+00A0 (most of it) costs one comparison.
 */
function isHidden(code: number): boolean {
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0xad ||
    code === 0x61c ||
    code === 0x180e ||
    (code >= 0x2000 && code <= 0x200c) ||
    code === 0x200e ||
    code === 0x200f ||
    code === 0x2028 ||
    code === 0x2029 ||
    (code >= 0x202a && code <= 0x202f) ||
    (code >= 0x205f && code <= 0x2064) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

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

interface Found {
  /** How many of each character the text holds. */
  counts: Map<number, number>;
  /**
   * Where they sit: a hash of each one in order with how many visible characters come before it.
   * Two texts with the same counts and the same hash hold them in the same places.
   */
  places: number;
}

function find(text: string): Found {
  const counts = new Map<number, number>();
  let places = 0x811c9dc5;
  let hidden = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isHidden(code)) continue;
    counts.set(code, (counts.get(code) ?? 0) + 1);
    places = Math.imul(places ^ (i - hidden), 0x01000193);
    places = Math.imul(places ^ code, 0x01000193);
    hidden++;
  }
  return { counts, places };
}

const MAX_LISTED = 4;

/**
 * Which of those characters differ between the two sides, and how many each side holds, in a
 * sentence; or that the same ones moved; null when they are alike (an unchanged no-break space
 * is no difference). Runs on the main thread over each changed field: one pass per side, a
 * comparison per character for text below U+00A0; and none at all when a first look in native code finds
 * none of them, as in most texts (two 8 MB prompts: about 15 ms; with a no-break space for every
 * space, about 150).
 */
export function hiddenCharactersChange(
  before: unknown,
  after: unknown,
  beforeLabel: string,
  afterLabel: string,
): string | null {
  const a = textOf(before);
  const b = textOf(after);
  if (a === b || !(ANY_HIDDEN.test(a) || ANY_HIDDEN.test(b))) return null;
  const was = find(a);
  const now = find(b);
  const codes = [...new Set([...was.counts.keys(), ...now.counts.keys()])]
    .filter((code) => was.counts.get(code) !== now.counts.get(code))
    .sort((x, y) => x - y);
  if (codes.length === 0) {
    if (was.places === now.places) return null;
    const kinds = [...new Set([...was.counts.keys()])].sort((x, y) => x - y).map(nameOf);
    return `Invisible characters moved: ${kinds.slice(0, MAX_LISTED).join('; ')}${
      kinds.length > MAX_LISTED ? `; and ${kinds.length - MAX_LISTED} more` : ''
    }, as many in ${beforeLabel} as in ${afterLabel} but in other places.`;
  }
  const many = (n: number | undefined) => (n ? n.toLocaleString('en-US') : 'none');
  const listed = codes
    .slice(0, MAX_LISTED)
    .map(
      (code) =>
        `${nameOf(code)}, ${many(was.counts.get(code))} in ${beforeLabel} and ${many(now.counts.get(code))} in ${afterLabel}`,
    );
  const more = codes.length - listed.length;
  return `Invisible characters differ (the diff cannot show them): ${listed.join('; ')}${more > 0 ? `; and ${more} more` : ''}.`;
}
