import { useEffect, useReducer } from 'react';
import type { DiffSection, FieldChange } from '@/api/adapter';
import { lineDiffsSettled } from '@/components/diff';
import { sectionSignature, signatureSize } from '@/lib/viewed-marks';

/** Sections with more text than this are signed in a worker; the rest at once. */
const SIGN_IN_WORKER_OVER = 200_000;

type Changes = readonly FieldChange[];

/**
 * Signatures by changes array. The query cache shares structure between refetches, so a section
 * whose changes did not change keeps its array and is never signed twice.
 */
const signed = new WeakMap<Changes, string>();
const inFlight = new WeakSet<Changes>();

let worker: Worker | null = null;
let nextId = 0;
const waiting = new Map<number, (signature: string) => void>();

function signInWorker(changes: Changes): Promise<string> {
  if (typeof Worker === 'undefined') return Promise.resolve(sectionSignature(changes));
  if (!worker) {
    worker = new Worker(new URL('./signature.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<{ id: number; signature: string }>) => {
      waiting.get(e.data.id)?.(e.data.signature);
      waiting.delete(e.data.id);
    };
  }
  const id = nextId++;
  const request = changes.map((c) => ({ path: c.path, change: c.change, before: c.before, after: c.after }));
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    worker?.postMessage({ id, changes: request });
  });
}

/**
 * Calls `run` once the screen's line diffs are in and the browser has nothing else to do (at the
 * latest two seconds on); returns a cancel.
 */
function afterDiffsShown(run: () => void): () => void {
  let cancelled = false;
  let cancelLater = () => {};
  void lineDiffsSettled().then(() => {
    if (cancelled) return;
    if (typeof requestIdleCallback === 'undefined') {
      const timer = setTimeout(run, 0);
      cancelLater = () => clearTimeout(timer);
      return;
    }
    const handle = requestIdleCallback(run, { timeout: 2_000 });
    cancelLater = () => cancelIdleCallback(handle);
  });
  return () => {
    cancelled = true;
    cancelLater();
  };
}

/**
 * The signature of each section's changes, by section key; `null` while a large section is still
 * being signed off the main thread (its Viewed mark waits for it).
 */
export function useSectionSignatures(sections: readonly DiffSection[]): Record<string, string | null> {
  const [, signedOne] = useReducer((n: number) => n + 1, 0);
  const result: Record<string, string | null> = {};
  for (const section of sections) {
    let signature = signed.get(section.changes);
    if (signature === undefined && signatureSize(section.changes) <= SIGN_IN_WORKER_OVER) {
      signature = sectionSignature(section.changes);
      signed.set(section.changes, signature);
    }
    result[section.key] = signature ?? null;
  }

  useEffect(() => {
    if (sections.every(({ changes }) => signed.has(changes) || inFlight.has(changes))) return;
    // Signing hands the worker a copy of each long text: 15 MB copied on the main thread for a
    // 100,000-line prompt, 20-100 ms here. It waits until the line diffs are on screen; the
    // Viewed marks of large sections wait for it.
    return afterDiffsShown(() => {
      for (const { changes } of sections) {
        if (signed.has(changes) || inFlight.has(changes)) continue;
        inFlight.add(changes);
        void signInWorker(changes).then((signature) => {
          signed.set(changes, signature);
          inFlight.delete(changes);
          signedOne();
        });
      }
    });
  }, [sections]);

  return result;
}
