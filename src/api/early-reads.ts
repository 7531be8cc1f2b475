/**
 * Answers to reads started before the app's code ran (public/early-reads.js, on a page load of an
 * agent's screen): the first call for the same URL with the same token takes the answer instead
 * of asking again. Each is taken once, and only in the first seconds of the page: later, data
 * would be as old as the page.
 */

interface EarlyReads {
  token: string;
  reads: Record<string, Promise<Response | null> | undefined>;
}

declare global {
  var __ejentoEarlyReads: EarlyReads | undefined;
}

/** How long after the page started loading an early answer may still be taken. */
export const EARLY_READS_FOR_MS = 10_000;

/** The early read of `url` sent with `token`, taken (so never twice); null if there is none. */
export function takeEarlyRead(url: string, token: string | undefined): Promise<Response | null> | null {
  const early = globalThis.__ejentoEarlyReads;
  if (!early) return null;
  if (performance.now() > EARLY_READS_FOR_MS) {
    globalThis.__ejentoEarlyReads = undefined;
    return null;
  }
  if (token === undefined || early.token !== token) return null;
  const read = early.reads[url];
  if (!read) return null;
  early.reads[url] = undefined;
  return read;
}

/** `promise`, or the reason `signal` aborts with, whichever comes first. */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', abort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', abort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', abort);
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- passed on as it came
        reject(error);
      },
    );
  });
}
