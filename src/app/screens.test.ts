import { describe, expect, it, vi } from 'vitest';
import { once, screen } from './screens';

describe('once', () => {
  it('loads a module once and then answers without loading it again', async () => {
    const load = vi.fn(() => Promise.resolve({ Component: 'review' }));
    const screen = once(load);
    const [first, second] = await Promise.all([screen(), screen()]);
    expect(await screen()).toBe(first);
    expect(second).toBe(first);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('tries again after a failed load (a chunk missing after a deploy, a dropped connection)', async () => {
    const load = vi
      .fn<() => Promise<{ Component: string }>>()
      .mockRejectedValueOnce(new Error('Failed to fetch dynamically imported module'))
      .mockResolvedValueOnce({ Component: 'review' });
    const screen = once(load);
    await expect(screen()).rejects.toThrow('Failed to fetch');
    await expect(screen()).resolves.toEqual({ Component: 'review' });
    expect(load).toHaveBeenCalledTimes(2);
  });
});

describe('screen', () => {
  const module = { Component: () => null, ErrorBoundary: () => null };

  it('asks for a screen’s code a task after its loader, the first time', async () => {
    vi.useFakeTimers();
    try {
      const load = vi.fn(() => Promise.resolve(module));
      const route = screen(once(load), () => null);
      const component = route.lazy.Component();
      await Promise.resolve();
      // The loader's API calls leave in this task; the code's requests must queue behind them.
      expect(load).not.toHaveBeenCalled();
      await vi.runAllTimersAsync();
      expect(await component).toBe(module.Component);
      expect(load).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('answers at once when the code is already in (no wait on a tab click)', async () => {
    const load = once(() => Promise.resolve(module));
    await load();
    const route = screen(load, () => null);
    let answer: unknown = null;
    void route.lazy.ErrorBoundary().then((boundary) => (answer = boundary));
    for (let turn = 0; turn < 10; turn++) await Promise.resolve();
    expect(answer).toBe(module.ErrorBoundary);
  });

  it('says whether its module is in, and not after a failed load', async () => {
    const load = once(
      vi
        .fn<() => Promise<typeof module>>()
        .mockRejectedValueOnce(new Error('Failed to fetch dynamically imported module'))
        .mockResolvedValueOnce(module),
    );
    expect(load.isLoaded()).toBe(false);
    await expect(load()).rejects.toThrow('Failed to fetch');
    expect(load.isLoaded()).toBe(false);
    await load();
    expect(load.isLoaded()).toBe(true);
  });
});
