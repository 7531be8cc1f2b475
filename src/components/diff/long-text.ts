/**
 * Above this many lines a text diff renders only the rows on screen (VirtualTextDiff), with the
 * line diff computed in a Web Worker: 20,000 lines all rendered freeze the tab for 12 s.
 */
export const VIRTUALISE_OVER_LINES = 400;

export function lineCount(text: string): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

/** Whether a pair of texts is long enough for VirtualTextDiff. */
export const isLongDiff = (before: string, after: string) =>
  Math.max(lineCount(before), lineCount(after)) > VIRTUALISE_OVER_LINES;
