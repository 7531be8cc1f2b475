// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { afterPointerRelease, pressedElement } from './after-pointer-release';

const pointer = (type: string, pointerType = 'mouse', target: EventTarget = window) =>
  target.dispatchEvent(new PointerEvent(type, { pointerId: 1, pointerType, bubbles: true }));
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('afterPointerRelease', () => {
  it('runs at once when no pointer is pressed', async () => {
    // Past any earlier test's tap.
    await new Promise((resolve) => setTimeout(resolve, 700));
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
    await tick();
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

  it('after a tap, whose click comes with the blur once the finger is lifted, waits for that click', async () => {
    const button = document.body.appendChild(document.createElement('button'));
    pointer('pointerdown', 'touch', button);
    pointer('pointerup', 'touch', button);
    expect(pressedElement()).toBe(button);
    const fn = vi.fn();
    afterPointerRelease(fn);
    expect(fn).not.toHaveBeenCalled();
    await tick();
    expect(fn).toHaveBeenCalledTimes(1);
    button.remove();
  });

  it('forgets a press whose release never came once the mouse moves with no button down', async () => {
    await new Promise((resolve) => setTimeout(resolve, 700));
    pointer('pointerdown', 'mouse', document.body);
    expect(pressedElement()).toBe(document.body);
    window.dispatchEvent(new MouseEvent('mousemove', { buttons: 0 }));
    expect(pressedElement()).toBeNull();
    const fn = vi.fn();
    afterPointerRelease(fn);
    expect(fn).toHaveBeenCalledTimes(1);
  });
});
