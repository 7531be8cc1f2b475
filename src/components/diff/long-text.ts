import { countLines } from '@/lib/text-stats';

/**
 * Above this many lines a text diff renders only the rows on screen (VirtualTextDiff), with the
 * line diff computed in a Web Worker: 20,000 lines all rendered freeze the tab for 12 s.
 */
export const VIRTUALISE_OVER_LINES = 400;

/**
 * Lines of the longer side, counted no further than one past VIRTUALISE_OVER_LINES: that is all
 * a caller needs, and a 100,000-line pair then costs what a short one does.
 */
export const diffLineCount = (before: string, after: string) =>
  Math.max(countLines(before, VIRTUALISE_OVER_LINES + 1), countLines(after, VIRTUALISE_OVER_LINES + 1));

/**
 * react-diff-viewer shows a modified line longer than this as a whole, without its changed words
 * (its own limit); prompts are often written in paragraphs of 600 characters and more.
 */
const VIEWER_WORD_DIFF_MAX_LINE = 500;

/** Whether some line of `text` is longer than `max` characters. */
export function hasLineLongerThan(text: string, max: number): boolean {
  if (text.length <= max) return false;
  for (let start = 0; ;) {
    const end = text.indexOf('\n', start);
    if ((end === -1 ? text.length : end) - start > max) return true;
    if (end === -1) return false;
    start = end + 1;
  }
}

/**
 * Whether a pair of texts goes to VirtualTextDiff: one long enough to render only the rows on
 * screen, or one with a line too long for react-diff-viewer to highlight its changed words in.
 */
export const isLongDiff = (before: string, after: string) =>
  diffLineCount(before, after) > VIRTUALISE_OVER_LINES ||
  hasLineLongerThan(before, VIEWER_WORD_DIFF_MAX_LINE) ||
  hasLineLongerThan(after, VIEWER_WORD_DIFF_MAX_LINE);
