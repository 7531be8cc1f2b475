import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { whenQuiet } from './when-quiet';

describe('whenQuiet', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const options = (target: EventTarget) => ({ quietMs: 1_000, events: ['keydown', 'pointerdown'], target });

  it('runs once the person has been quiet for the whole wait, and only once', () => {
    const target = new EventTarget();
    const run = vi.fn();
    whenQuiet(run, options(target));
    vi.advanceTimersByTime(999);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(1);
    target.dispatchEvent(new Event('keydown'));
    vi.advanceTimersByTime(5_000);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('waits again after every key or click, so it never lands while someone types', () => {
    const target = new EventTarget();
    const run = vi.fn();
    whenQuiet(run, options(target));
    for (let i = 0; i < 20; i++) {
      vi.advanceTimersByTime(600);
      target.dispatchEvent(new Event(i % 2 ? 'keydown' : 'pointerdown'));
    }
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1_000);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('hands the call to an idle period when asked, and cancels cleanly', () => {
    const target = new EventTarget();
    const run = vi.fn();
    let idleRun: (() => void) | null = null;
    const cancelIdle = vi.fn();
    const cancel = whenQuiet(run, {
      ...options(target),
      idle: (fn) => {
        idleRun = fn;
        return cancelIdle;
      },
    });
    vi.advanceTimersByTime(1_000);
    expect(run).not.toHaveBeenCalled();
    expect(idleRun).not.toBeNull();
    cancel();
    expect(cancelIdle).toHaveBeenCalled();

    const again = vi.fn();
    const stop = whenQuiet(again, options(target));
    stop();
    vi.advanceTimersByTime(5_000);
    expect(again).not.toHaveBeenCalled();
  });

  it('with repeat, runs again in each pause that follows activity, never without activity', () => {
    const target = new EventTarget();
    const run = vi.fn();
    const stop = whenQuiet(run, { ...options(target), repeat: true });
    vi.advanceTimersByTime(1_000);
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(10_000);
    expect(run).toHaveBeenCalledTimes(1);
    target.dispatchEvent(new Event('keydown'));
    vi.advanceTimersByTime(500);
    target.dispatchEvent(new Event('pointerdown'));
    vi.advanceTimersByTime(999);
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(2);
    stop();
    target.dispatchEvent(new Event('keydown'));
    vi.advanceTimersByTime(5_000);
    expect(run).toHaveBeenCalledTimes(2);
  });
});
