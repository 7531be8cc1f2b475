/**
 * What the bench injects into every page before any of the page's own scripts run
 * (`page.addInitScript`). Kept as plain JavaScript text on purpose: functions handed to
 * Playwright are serialised with `toString()`, and the TypeScript loader may add helpers that do
 * not exist in the browser.
 *
 * `window.__bench`:
 * - `longtasks`: every main-thread task over 50 ms, `[startTime, duration]`, from a buffered
 *   PerformanceObserver of type `longtask` registered at document start.
 * - `watch(selector)`: a requestAnimationFrame loop that records in `firstVisible` the
 *   `performance.now()` of the first frame in which an element matching `selector` has a
 *   non-empty box intersecting the viewport. A rAF callback runs just before the frame's paint,
 *   so this is the frame the element is first painted in; during a long task no frame runs, so
 *   a frozen page cannot be seen early. `performance.now()` counts from the navigation's start.
 *   It then logs `VISIBLE_SIGNAL` to the console, for the bench to wait on without running
 *   anything in the page (Playwright's `waitForFunction` first compiles its own injected script,
 *   of several hundred kilobytes, on the page's main thread: 45 to 70 ms taken from the load).
 * - `keys`: key-to-paint delays: on each `keydown` (capture phase, before the app's handlers),
 *   the time from the event's `timeStamp` until a message posted from the next rAF callback
 *   arrives, i.e. until that frame (with the typed character) has been produced.
 * - `events`: Event Timing entries over 16 ms (keydown, keypress, input...), a cross-check of
 *   `keys` measured by the browser itself.
 */
export const VISIBLE_SIGNAL = '__bench:first-visible';

export const PAGE_PROBE = String.raw`
(() => {
  if (window.__bench) return;
  const bench = { longtasks: [], firstVisible: null, keys: [], events: [] };
  window.__bench = bench;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) bench.longtasks.push([entry.startTime, entry.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch (error) {
    bench.longtaskError = String(error);
  }
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) bench.events.push([entry.name, entry.startTime, entry.duration]);
    }).observe({ type: 'event', buffered: true, durationThreshold: 16 });
  } catch (error) {
    bench.eventError = String(error);
  }
  bench.maxTask = (from, to) => {
    let max = 0;
    for (const [start, duration] of bench.longtasks) {
      if (start + duration >= from && start <= to && duration > max) max = duration;
    }
    return max;
  };
  bench.isVisible = (selector) => {
    const found = document.querySelectorAll(selector);
    const height = window.innerHeight;
    const width = window.innerWidth;
    for (let i = 0; i < found.length && i < 400; i++) {
      const box = found[i].getBoundingClientRect();
      if (box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0 && box.top < height && box.left < width) return true;
    }
    return false;
  };
  bench.watch = (selector) => {
    bench.firstVisible = null;
    const tick = () => {
      if (bench.isVisible(selector)) {
        bench.firstVisible = performance.now();
        console.debug(${JSON.stringify(VISIBLE_SIGNAL)});
        return;
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  };
  document.addEventListener(
    'keydown',
    (event) => {
      const pressed = event.timeStamp;
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => bench.keys.push(performance.now() - pressed);
        channel.port2.postMessage(0);
      });
    },
    true,
  );
})();
`;

/** Start watching for `selector` from the very first frame of the next navigation. */
export const watchScript = (selector: string) =>
  `${PAGE_PROBE}\nwindow.__bench.watch(${JSON.stringify(selector)});`;

/** The shape of `window.__bench` as the bench reads it back with `page.evaluate`. */
export interface BenchWindow {
  __bench: {
    longtasks: [number, number][];
    firstVisible: number | null;
    keys: number[];
    events: [string, number, number][];
    maxTask: (from: number, to: number) => number;
    isVisible: (selector: string) => boolean;
    watch: (selector: string) => void;
  };
}
