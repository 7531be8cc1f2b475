import { diffLines } from '@/lib/line-diff';
import { warmUpTexts } from './line-diff-warm-up';

/**
 * Computes line diffs off the main thread: a 100,000-line prompt takes a few hundred
 * milliseconds to diff, which on the main thread would freeze the page. The result's typed
 * arrays are transferred, not copied. Started ahead of need, the worker first diffs a made-up
 * pair, so the code is compiled before the first real diff (see line-diff-warm-up.ts).
 */

export type LineDiffRequest = { id: number; before: string; after: string } | { warmUp: true };

self.onmessage = (event: MessageEvent<LineDiffRequest>) => {
  if ('warmUp' in event.data) {
    const { before, after } = warmUpTexts();
    diffLines(before, after);
    return;
  }
  const { id, before, after } = event.data;
  const diff = diffLines(before, after);
  self.postMessage(
    { id, diff },
    { transfer: [diff.beforeStarts.buffer, diff.afterStarts.buffer, diff.runs.buffer] },
  );
};
