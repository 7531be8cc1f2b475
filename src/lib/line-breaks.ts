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
