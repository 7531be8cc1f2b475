/** Pointers whose button is down now (a press not yet released). */
const pressed = new Set<number>();
/** What the last press not yet released landed on. */
let pressedOn: Element | null = null;
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
    pressed.delete(e.pointerId);
    if (pressed.size === 0) pressedOn = null;
  };
  window.addEventListener('pointerup', release, { capture: true });
  window.addEventListener('pointercancel', release, { capture: true });
}
listen();

/**
 * Runs `fn` now, or, while a pointer is pressed, once it is released and its click has landed.
 * A field that loses the focus because something else was pressed says what is wrong with it
 * under itself, which moves everything below; a click whose press and release then land on
 * different places is lost, and the button pressed does nothing.
 */
export function afterPointerRelease(fn: () => void): void {
  if (pressed.size === 0) {
    fn();
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

/** The element a press not yet released landed on, if any. */
export function pressedElement(): Element | null {
  return pressed.size > 0 ? pressedOn : null;
}
