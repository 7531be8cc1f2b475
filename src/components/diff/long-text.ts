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

/** Whether a pair of texts is long enough for VirtualTextDiff. */
export const isLongDiff = (before: string, after: string) =>
  diffLineCount(before, after) > VIRTUALISE_OVER_LINES;
