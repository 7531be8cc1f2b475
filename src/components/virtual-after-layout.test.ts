import { describe, expect, it, vi } from 'vitest';
import type { Virtualizer } from '@tanstack/react-virtual';
import { measureAfterLayout, observeRectAfterLayout, scrollAfterLayout } from './virtual-after-layout';

type Instance = Virtualizer<Element, Element>;

/** A row whose layout must not be read: every read of it throws. */
function rowWithoutLayout(index: number): Element {
  return {
    getAttribute: (name: string) => (name === 'data-index' ? String(index) : null),
    getBoundingClientRect: () => {
      throw new Error('layout read');
    },
  } as unknown as Element;
}

function instance(over: Partial<Record<string, unknown>> = {}): Instance {
  const sizes = new Map<number, number>([[3, 42]]);
  return {
    indexFromElement: (el: Element) => Number(el.getAttribute('data-index')),
    itemSizeCache: sizes,
    options: { getItemKey: (i: number) => i, estimateSize: () => 19 },
    scrollOffset: 0,
    ...over,
  } as unknown as Instance;
}

describe('measureAfterLayout', () => {
  it('gives a row just mounted its last known size, else the estimate, without reading its layout', () => {
    expect(measureAfterLayout(rowWithoutLayout(3), undefined, instance())).toBe(42);
    expect(measureAfterLayout(rowWithoutLayout(8), undefined, instance())).toBe(19);
  });

  it('takes the size the ResizeObserver reports', () => {
    const entry = { borderBoxSize: [{ blockSize: 57.6, inlineSize: 800 }] } as unknown as ResizeObserverEntry;
    expect(measureAfterLayout(rowWithoutLayout(8), entry, instance())).toBe(58);
  });
});

describe('scrollAfterLayout', () => {
  it('leaves a box the virtualizer knows is at the top where it is, and scrolls it anywhere else', () => {
    const scrollTo = vi.fn();
    const scrollElement = { scrollTo } as unknown as Element;
    scrollAfterLayout(0, {}, instance({ scrollElement }));
    expect(scrollTo).not.toHaveBeenCalled();
    scrollAfterLayout(0, {}, instance({ scrollElement, scrollOffset: 300 }));
    scrollAfterLayout(120, {}, instance({ scrollElement }));
    scrollAfterLayout(0, { adjustments: 10 }, instance({ scrollElement }));
    expect(scrollTo.mock.calls.map(([options]) => (options as { top: number }).top)).toEqual([0, 120, 10]);
  });
});

describe('observeRectAfterLayout', () => {
  it('reads the box only when the ResizeObserver reports, and ignores a box without layout', () => {
    let report: () => void = () => undefined;
    const observe = vi.fn();
    class FakeObserver {
      constructor(callback: () => void) {
        report = callback;
      }
      observe = observe;
      disconnect = vi.fn();
    }
    let rect = { width: 0, height: 0 };
    const reads = vi.fn(() => rect);
    const scrollElement = {
      get clientWidth() {
        return reads().width;
      },
      get clientHeight() {
        return reads().height;
      },
    };
    const onRect = vi.fn();
    const stop = observeRectAfterLayout(
      instance({ scrollElement, targetWindow: { ResizeObserver: FakeObserver } }),
      onRect,
    );
    expect(reads).not.toHaveBeenCalled();
    report();
    expect(onRect).not.toHaveBeenCalled();
    rect = { width: 900, height: 640 };
    report();
    expect(onRect).toHaveBeenCalledWith({ width: 900, height: 640 });
    expect(typeof stop).toBe('function');
  });
});
