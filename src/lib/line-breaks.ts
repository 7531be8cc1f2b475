/**
 * A browser's text field hands its text back with LF line breaks, whatever the text it was given
 * held. A text saved elsewhere with Windows line breaks (CRLF) throughout gets them back when it
 * is saved from here, so that changing one line does not change the ending of every line (which
 * the review would show as every line changed). Any other text is sent as edited.
 */
export function keepLineBreaks(original: string, edited: string): string {
  if (!original.includes('\r\n') || /(?:^|[^\r])\n/.test(original)) return edited;
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

/** How a text ends its lines: Windows (CRLF) throughout, Unix (LF) throughout, both, or no break. */
export function lineEndingsOf(text: string): LineEndings {
  const crlf = text.includes('\r\n');
  const lf = /(?:^|[^\r])\n/.test(text);
  if (crlf && lf) return 'mixed';
  if (crlf) return 'crlf';
  return lf ? 'lf' : 'none';
}

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
  const only = withLfBreaks(before) === withLfBreaks(after);
  const what = `${ENDINGS_NAMES[was]} in ${beforeLabel}, ${ENDINGS_NAMES[now]} in ${afterLabel}`;
  return only ? `Only the line breaks differ: ${what}.` : `The line breaks differ too: ${what}.`;
}
