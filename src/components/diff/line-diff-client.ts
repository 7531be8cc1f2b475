import { useEffect, useState } from 'react';
import { diffLines, type LineDiff } from '@/lib/line-diff';
import type { LineDiffRequest } from './line-diff.worker';

/**
 * Line diffs for the text diff viewer, computed in one shared Web Worker (a same-origin module
 * script: the CSP's `worker-src 'self'` covers it) and remembered for the last few text pairs, so
 * a re-render, a remount or a switch between split and unified never computes again. Without
 * Worker support (tests), the diff runs on the main thread instead.
 */

interface Entry {
  before: string;
  after: string;
  promise: Promise<LineDiff>;
  /** Set once the promise settles, so a render can read a finished diff synchronously. */
  outcome?: { diff: LineDiff } | { error: unknown };
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
    const request: LineDiffRequest = { id, before, after };
    sharedWorker().postMessage(request);
  }).catch(() => diffLines(before, after));
}

function entryOf(before: string, after: string): Entry {
  const hit = recent.find((e) => e.before === before && e.after === after);
  if (hit) return hit;
  const entry: Entry = { before, after, promise: compute(before, after) };
  entry.promise.then(
    (diff) => (entry.outcome = { diff }),
    (error: unknown) => (entry.outcome = { error }),
  );
  recent.unshift(entry);
  recent.length = Math.min(recent.length, KEEP);
  return entry;
}

/** Starts (or finds) the diff of a pair; the promise is stable per pair. */
export function lineDiffOf(before: string, after: string): Promise<LineDiff> {
  return entryOf(before, after).promise;
}

/** Settles once every line diff asked for so far has settled; at once when none is in flight. */
export function lineDiffsSettled(): Promise<void> {
  const pending = recent.filter((entry) => !entry.outcome).map((entry) => entry.promise);
  return Promise.allSettled(pending).then(() => undefined);
}

/**
 * The diff of a pair, or null while the worker computes it; the component renders again when it
 * is ready. Deliberately not Suspense: React holds back content that replaces a Suspense
 * fallback for up to 300 ms (its fallback throttling), which delayed every first diff on the
 * Review screen by that much. A failed diff is thrown to the nearest error boundary.
 */
export function useLineDiff(before: string, after: string): LineDiff | null {
  const entry = entryOf(before, after);
  const [, setSettled] = useState<Entry | null>(null);
  const outcome = entry.outcome;
  useEffect(() => {
    if (outcome) return;
    let live = true;
    const rerender = () => {
      if (live) setSettled(entry);
    };
    entry.promise.then(rerender, rerender);
    return () => {
      live = false;
    };
  }, [entry, outcome]);
  if (!outcome) return null;
  if ('error' in outcome) throw outcome.error;
  return outcome.diff;
}

/**
 * Starts the worker ahead of the first diff (the diff components load with the Review and
 * History screens, in the background once the person pauses), and has it warm up on a made-up
 * pair while nobody waits: its script loads and its code compiles before the first real diff.
 */
export function warmLineDiffWorker(): void {
  if (typeof Worker === 'undefined' || workerFailed || worker) return;
  const warmUp: LineDiffRequest = { warmUp: true };
  sharedWorker().postMessage(warmUp);
}
