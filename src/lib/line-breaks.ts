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
