import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { issueDetails } from './validation';

const strict = z.object({ name: z.string() }).strict();

describe('issueDetails', () => {
  it('names each unknown field, with its path', () => {
    const result = z.object({ settings: strict }).safeParse({ settings: { name: 'x', colour: 'red' } });
    expect(result.success).toBe(false);
    expect(issueDetails(result.error!.issues)).toEqual([
      { field: 'settings.colour', message: 'Unknown field "colour"' },
    ]);
  });

  it('names at most 20 unknown fields, each cut to 100 characters, and counts the rest', () => {
    const long = 'k'.repeat(5_000);
    const body: Record<string, string> = { name: 'x', [long]: 'v' };
    for (let i = 0; i < 30; i++) body[`extra_${i}`] = 'v';
    const result = strict.safeParse(body);
    const details = issueDetails(result.error!.issues);
    expect(details).toHaveLength(21);
    expect(details[0]).toEqual({
      field: `${'k'.repeat(100)}…`,
      message: `Unknown field "${'k'.repeat(100)}…"`,
    });
    expect(details[20]).toEqual({ field: 'body', message: '11 more unknown fields' });
    expect(JSON.stringify(details).length).toBeLessThan(3_000);
  });

  it('cuts a long key by characters, never through one', () => {
    const key = `${'a'.repeat(99)}${'😀'.repeat(5)}`;
    const details = issueDetails(strict.safeParse({ name: 'x', [key]: 1 }).error!.issues);
    expect(details[0]?.field).toBe(`${'a'.repeat(99)}😀…`);
    expect(details[0]?.field).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});
