import { diffLines } from '@/lib/line-diff';

/**
 * Computes line diffs off the main thread: a 100,000-line prompt takes a few hundred
 * milliseconds to diff, which on the main thread would freeze the page. The result's typed
 * arrays are transferred, not copied.
 */

interface Request {
  id: number;
  before: string;
  after: string;
}

self.onmessage = (event: MessageEvent<Request>) => {
  const { id, before, after } = event.data;
  const diff = diffLines(before, after);
  self.postMessage(
    { id, diff },
    { transfer: [diff.beforeStarts.buffer, diff.afterStarts.buffer, diff.runs.buffer] },
  );
};
