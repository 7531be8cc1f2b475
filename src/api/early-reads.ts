/**
 * Answers to reads started before the app's code ran (public/early-reads.js, on a page load of an
 * agent's screen): the first call for the same URL with the same token takes the answer instead
 * of asking again. Each is taken once, and only in the first seconds after the page sent it:
 * later, data would be as old as the page. A change of session drops them all.
 */

interface EarlyRead {
  response: Promise<Response | null>;
  abort: (reason?: unknown) => void;
}

interface EarlyReads {
  token: string;
  startedAt: number;
  reads: Record<string, EarlyRead | undefined>;
}

declare global {
  var __ejentoEarlyReads: EarlyReads | undefined;
}

/** How long after the page sent them early answers may still be taken. */
export const EARLY_READS_FOR_MS = 10_000;

/** Drops the early reads (and their token), aborting those not taken. */
export function dropEarlyReads(): void {
  const early = globalThis.__ejentoEarlyReads;
  globalThis.__ejentoEarlyReads = undefined;
  for (const read of Object.values(early?.reads ?? {})) read?.abort();
}

/** The early read of `url` sent with `token`, taken (so never twice); null if there is none. */
export function takeEarlyRead(url: string, token: string | undefined): EarlyRead | null {
  const early = globalThis.__ejentoEarlyReads;
  if (!early) return null;
  if (performance.now() - early.startedAt > EARLY_READS_FOR_MS) {
    dropEarlyReads();
    return null;
  }
  if (token === undefined || early.token !== token) return null;
  const read = early.reads[url];
  if (!read) return null;
  early.reads[url] = undefined;
  return read;
}

/**
 * The answer of an early read, tied to the caller's `signal` as its own fetch would be: when the
 * signal aborts (a timeout, a cancel), so does the read, its body included.
 */
export function earlyAnswer(read: EarlyRead, signal: AbortSignal): Promise<Response | null> {
  if (signal.aborted) {
    read.abort(signal.reason);
    return Promise.reject(signal.reason as Error);
  }
  return new Promise<Response | null>((resolve, reject) => {
    const abort = () => {
      read.abort(signal.reason);
      reject(signal.reason as Error);
    };
    signal.addEventListener('abort', abort, { once: true });
    void read.response.then(resolve);
  });
}
