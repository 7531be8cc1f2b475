/**
 * A browser's text field hands its text back with LF line breaks, whatever the text it was given
 * held. A text saved elsewhere with Windows line breaks (CRLF) throughout gets them back when it
 * is saved from here, so that changing one line does not change the ending of every line (which
 * the review would show as every line changed). Any other text is sent as edited.
 */
export function keepLineBreaks(original: string, edited: string): string {
  if (lineEndingsOf(original) !== 'crlf') return edited;
  return edited.replace(/\r?\n/g, '\r\n');
}

/**
 * `value` with every CRLF in its strings read as LF, as a text field would hand it back: what a
 * save sent with its CRLFs put back (`keepLineBreaks`) is then the same as the form that sent it.
 */
export function withLfBreaks<T>(value: T): T {
  if (typeof value === 'string') return (value.includes('\r\n') ? value.replace(/\r\n/g, '\n') : value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => withLfBreaks(v)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withLfBreaks(v)])) as T;
  }
  return value;
}

export type LineEndings = 'none' | 'crlf' | 'lf' | 'mixed';

/**
 * How a text ends its lines: Windows (CRLF) throughout, Unix (LF) throughout, both, or no break.
 * Stops at the first LF when the text has no CRLF, which a scan of a 7 MB prompt for CRLF
 * (native, a few milliseconds) tells first.
 */
export function lineEndingsOf(text: string): LineEndings {
  if (!text.includes('\r\n')) return text.includes('\n') ? 'lf' : 'none';
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) {
    if (at === 0 || text.charCodeAt(at - 1) !== 13) return 'mixed';
  }
  return 'crlf';
}

/**
 * Whether two texts are the same once every CRLF is read as LF: line by line, each line compared
 * natively (a character loop over 7 MB took about 100 ms).
 */
function sameWithLfBreaks(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  for (;;) {
    const endA = a.indexOf('\n', i);
    const endB = b.indexOf('\n', j);
    if ((endA === -1) !== (endB === -1)) return false;
    const lineEndA = endA === -1 ? a.length : endA > i && a.charCodeAt(endA - 1) === 13 ? endA - 1 : endA;
    const lineEndB = endB === -1 ? b.length : endB > j && b.charCodeAt(endB - 1) === 13 ? endB - 1 : endB;
    if (lineEndA - i !== lineEndB - j || a.slice(i, lineEndA) !== b.slice(j, lineEndB)) return false;
    if (endA === -1) return true;
    i = endA + 1;
    j = endB + 1;
  }
}

const crlfCount = (text: string) => {
  let n = 0;
  for (let at = text.indexOf('\r\n'); at !== -1; at = text.indexOf('\r\n', at + 2)) n++;
  return n;
};

const ENDINGS_NAMES: Record<Exclude<LineEndings, 'none'>, string> = {
  crlf: 'Windows line breaks (CRLF)',
  lf: 'Unix line breaks (LF)',
  mixed: 'mixed line breaks (CRLF and LF)',
};

/**
 * What a diff cannot show: the two sides end their lines differently (every line of the one
 * looks changed, with nothing marked). Says so, and whether that is all that differs; null when
 * the line breaks are alike.
 */
export function lineEndingsChange(
  before: string,
  after: string,
  beforeLabel: string,
  afterLabel: string,
): string | null {
  const was = lineEndingsOf(before);
  const now = lineEndingsOf(after);
  if (was === now || was === 'none' || now === 'none') return null;
  // Lengths first: a text changed besides its line breaks almost always differs in length, and
  // that answers without a pass of character by character over megabytes.
  const only =
    before.length - crlfCount(before) === after.length - crlfCount(after) && sameWithLfBreaks(before, after);
  const what = `${ENDINGS_NAMES[was]} in ${beforeLabel}, ${ENDINGS_NAMES[now]} in ${afterLabel}`;
  return only ? `Only the line breaks differ: ${what}.` : `The line breaks differ too: ${what}.`;
}
