import { diffLines, type LineDiff } from '@/lib/line-diff';

/**
 * Line diffs for the text diff viewer, computed in one shared Web Worker (a same-origin module
 * script: the CSP's `worker-src 'self'` covers it) and remembered for the last few text pairs, so
 * a re-render, a remount or a switch between split and unified never computes again. The
 * returned promise is stable per pair, as React's `use` needs. Without Worker support (tests),
 * the diff runs on the main thread instead.
 */

interface Entry {
  before: string;
  after: string;
  promise: Promise<LineDiff>;
}

const KEEP = 8;
const recent: Entry[] = [];
let worker: Worker | null = null;
let workerFailed = false;
let nextId = 0;
const waiting = new Map<number, { resolve: (diff: LineDiff) => void; reject: (error: unknown) => void }>();

function sharedWorker(): Worker {
  if (worker) return worker;
  const created = new Worker(new URL('./line-diff.worker.ts', import.meta.url), {
    type: 'module',
    name: 'line-diff',
  });
  created.onmessage = (event: MessageEvent<{ id: number; diff: LineDiff }>) => {
    waiting.get(event.data.id)?.resolve(event.data.diff);
    waiting.delete(event.data.id);
  };
  created.onerror = (event) => {
    // A worker that cannot start (blocked by a CSP, say) fails every diff it holds; the next
    // request falls back to the main thread rather than failing again.
    for (const pending of waiting.values())
      pending.reject(new Error(event.message || 'The diff worker failed'));
    waiting.clear();
    created.terminate();
    worker = null;
    workerFailed = true;
  };
  worker = created;
  return created;
}

function compute(before: string, after: string): Promise<LineDiff> {
  if (typeof Worker === 'undefined' || workerFailed) {
    return new Promise((resolve) => setTimeout(() => resolve(diffLines(before, after)), 0));
  }
  const id = nextId++;
  return new Promise<LineDiff>((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    sharedWorker().postMessage({ id, before, after });
  }).catch(() => diffLines(before, after));
}

export function lineDiffOf(before: string, after: string): Promise<LineDiff> {
  const hit = recent.find((e) => e.before === before && e.after === after);
  if (hit) return hit.promise;
  const entry = { before, after, promise: compute(before, after) };
  recent.unshift(entry);
  recent.length = Math.min(recent.length, KEEP);
  return entry.promise;
}

/**
 * Starts the worker ahead of the first diff, so its script loads and compiles while the screen
 * still waits for its data (the diff components load with the Review and History screens).
 */
export function warmLineDiffWorker(): void {
  if (typeof Worker !== 'undefined' && !workerFailed) sharedWorker();
}
