/** Pointers whose button is down now (a press not yet released). */
const pressed = new Set<number>();
/** What the last press not yet released landed on. */
let pressedOn: Element | null = null;
/**
 * The last tap. A tap moves the focus only after the finger is lifted (the browser then sends the
 * mouse events and the click, all at once), so a field left because of a tap is left after it.
 */
let lastTap: { at: number; on: Element | null } | null = null;
/** How long after a finger is lifted its tap may still be on its way. */
const TAP_MS = 600;
let listening = false;

function listen(): void {
  if (listening || typeof window === 'undefined') return;
  listening = true;
  window.addEventListener(
    'pointerdown',
    (e) => {
      pressed.add(e.pointerId);
      pressedOn = e.target instanceof Element ? e.target : null;
    },
    { capture: true },
  );
  const release = (e: PointerEvent) => {
    if (e.type === 'pointerup' && e.pointerType !== 'mouse')
      lastTap = { at: performance.now(), on: pressedOn };
    pressed.delete(e.pointerId);
    if (pressed.size === 0) pressedOn = null;
  };
  window.addEventListener('pointerup', release, { capture: true });
  window.addEventListener('pointercancel', release, { capture: true });
  // A mouse stands for no finger: a press that never came back up (a context menu took it) ends.
  window.addEventListener(
    'mousemove',
    (e) => {
      if (e.buttons === 0 && pressed.size > 0) {
        pressed.clear();
        pressedOn = null;
      }
    },
    { capture: true, passive: true },
  );
}
listen();

const tapping = () => lastTap !== null && performance.now() - lastTap.at < TAP_MS;

/**
 * Runs `fn` now, or, while a pointer is pressed (or a tap is being delivered), once that press has
 * become a click. A field that loses the focus because something else was pressed says what is
 * wrong with it under itself, which moves everything below; a click whose press and release then
 * land on different places is lost, and the button pressed does nothing.
 */
export function afterPointerRelease(fn: () => void): void {
  if (pressed.size === 0) {
    // A tap's click comes in the same task as the blur: after it, then.
    if (tapping()) setTimeout(fn, 0);
    else fn();
    return;
  }
  const run = () => {
    window.removeEventListener('pointerup', run, true);
    window.removeEventListener('pointercancel', run, true);
    // The click is dispatched right after the release, in the same task: after it, then.
    setTimeout(fn, 0);
  };
  window.addEventListener('pointerup', run, true);
  window.addEventListener('pointercancel', run, true);
}

/** The element a press not yet released (or a tap being delivered) landed on, if any. */
export function pressedElement(): Element | null {
  if (pressed.size > 0) return pressedOn;
  return tapping() ? (lastTap?.on ?? null) : null;
}
