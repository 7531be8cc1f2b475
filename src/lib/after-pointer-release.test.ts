// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { afterPointerRelease } from './after-pointer-release';

const pointer = (type: string) =>
  window.dispatchEvent(new PointerEvent(type, { pointerId: 1, bubbles: true }));

describe('afterPointerRelease', () => {
  it('runs at once when no pointer is pressed', () => {
    const fn = vi.fn();
    afterPointerRelease(fn);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('while a pointer is pressed, waits for its release and the click after it', async () => {
    const fn = vi.fn();
    pointer('pointerdown');
    afterPointerRelease(fn);
    expect(fn).not.toHaveBeenCalled();
    pointer('pointerup');
    expect(fn).not.toHaveBeenCalled();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(fn).toHaveBeenCalledTimes(1);
    afterPointerRelease(fn);
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it('runs after a press the browser cancels', async () => {
    const fn = vi.fn();
    pointer('pointerdown');
    afterPointerRelease(fn);
    pointer('pointercancel');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(fn).toHaveBeenCalledTimes(1);
  });
});
