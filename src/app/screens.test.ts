import { describe, expect, it, vi } from 'vitest';
import { once } from './screens';

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
