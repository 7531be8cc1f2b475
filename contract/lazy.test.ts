import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { lazySchema } from './lazy';

describe('lazySchema', () => {
  it('builds the schema the first time it is used, once', () => {
    const build = vi.fn(() => z.object({ id: z.number().int() }));
    const schema = lazySchema(build);
    expect(build).not.toHaveBeenCalled();
    expect(schema.parse({ id: 3 })).toEqual({ id: 3 });
    expect(schema.safeParse({ id: 'x' }).success).toBe(false);
    expect(build).toHaveBeenCalledTimes(1);
  });

  it('goes wherever a schema goes: inside others, extended, picked, as a zod type', () => {
    const ref = lazySchema(() => z.object({ id: z.number().int(), name: z.string() }));
    const list = lazySchema(() => z.object({ items: z.array(ref), first: ref.optional() }));
    expect(list.parse({ items: [{ id: 1, name: 'A' }] })).toEqual({ items: [{ id: 1, name: 'A' }] });
    expect(list.safeParse({ items: [{ id: 1 }] }).error?.issues[0]?.path).toEqual(['items', 0, 'name']);
    const named = ref.extend({ note: z.string().nullable() }).pick({ name: true, note: true });
    expect(named.parse({ name: 'A', note: null, id: 9 })).toEqual({ name: 'A', note: null });
    expect(ref).toBeInstanceOf(z.ZodObject);
    expect(Object.keys(ref.shape)).toEqual(['id', 'name']);
    expect(z.object({ ...ref.shape }).parse({ id: 1, name: 'B' })).toEqual({ id: 1, name: 'B' });
  });
});
