import { elementScroll, type Virtualizer } from '@tanstack/react-virtual';

/*
 * TanStack Virtual reads the layout while React commits a new list: the scroll box's size
 * (`clientHeight`), the height of each row it has not sized yet (`offsetHeight`), and it scrolls
 * the new box to the top, where it already is (`scrollTo`). Each makes the browser lay the whole
 * page out there and then, and on a page's first render that layout (fonts, Mantine's styles;
 * 20–70 ms here) joined React's own work in one long task. These stand-ins read sizes only from
 * ResizeObserver, which reports after the browser's own layout and before the frame is painted:
 * the list renders first with the sizes it assumes (`initialRect`, the estimate), and the list
 * using them renders again at once with the real ones (`flushSync` in its `onChange`), so the
 * frame painted has every row where it goes. `scrollAfterLayout` leaves out the scroll to where
 * the box already is.
 */

/** A row's size: its last known one, else the estimate, until the ResizeObserver reports it. */
export function measureAfterLayout<S extends Element, I extends Element>(
  element: I,
  entry: ResizeObserverEntry | undefined,
  instance: Virtualizer<S, I>,
): number {
  if (entry) {
    const box = entry.borderBoxSize[0];
    return box ? Math.round(box.blockSize) : Math.round(element.getBoundingClientRect().height);
  }
  const index = instance.indexFromElement(element);
  return (
    instance.itemSizeCache.get(instance.options.getItemKey(index)) ?? instance.options.estimateSize(index)
  );
}

/**
 * The scroll box's size, from the ResizeObserver only (the virtualizer starts from `initialRect`).
 * A box without layout (a hidden tab, a test DOM) measures 0 × 0: its last size is kept rather
 * than no rows rendered.
 */
export function observeRectAfterLayout<S extends Element, I extends Element>(
  instance: Virtualizer<S, I>,
  onRect: (rect: { width: number; height: number }) => void,
): (() => void) | undefined {
  const element = instance.scrollElement;
  const Observer = instance.targetWindow?.ResizeObserver;
  if (!element || !Observer) return undefined;
  const observer = new Observer(() => {
    // Inside the observer's callback the layout is fresh: reading it costs nothing more.
    const { clientWidth: width, clientHeight: height } = element;
    if (height > 0) onRect({ width, height });
  });
  observer.observe(element);
  return () => observer.disconnect();
}

/** Scrolls the box, unless to the top of a box the virtualizer knows is at the top. */
export function scrollAfterLayout<S extends Element, I extends Element>(
  offset: number,
  options: { adjustments?: number; behavior?: ScrollBehavior },
  instance: Virtualizer<S, I>,
): void {
  if (offset + (options.adjustments ?? 0) === 0 && (instance.scrollOffset ?? 0) === 0) return;
  elementScroll(offset, options, instance);
}
