export interface WhenQuietOptions {
  /** How long without any of `events` before `run` is called. */
  quietMs: number;
  /** What counts as the person being busy: each one starts the wait again. */
  events: readonly string[];
  /** Where to listen (the window in the app). */
  target: EventTarget;
  /** Run in the next idle period rather than at once (`requestIdleCallback` where there is one). */
  idle?: (run: () => void) => () => void;
  /** Run again after every later spell of activity and quiet, not only the first. */
  repeat?: boolean;
}

/**
 * Calls `run` once the person has left keys and pointer alone for `quietMs` (with `repeat`, once
 * in each pause that follows activity), for background work that must never land between two
 * keys. Returns a cancel.
 */
export function whenQuiet(
  run: () => void,
  { quietMs, events, target, idle, repeat = false }: WhenQuietOptions,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let cancelIdle: (() => void) | undefined;
  const stop = () => {
    clearTimeout(timer);
    cancelIdle?.();
    cancelIdle = undefined;
    events.forEach((type) => target.removeEventListener(type, restart, { capture: true }));
  };
  const fire = () => {
    if (repeat) cancelIdle = undefined;
    else stop();
    run();
  };
  function restart() {
    clearTimeout(timer);
    cancelIdle?.();
    cancelIdle = undefined;
    timer = setTimeout(() => {
      if (idle) cancelIdle = idle(fire);
      else fire();
    }, quietMs);
  }
  events.forEach((type) => target.addEventListener(type, restart, { capture: true, passive: true }));
  restart();
  return stop;
}
