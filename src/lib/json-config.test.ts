import { describe, expect, it } from 'vitest';
import { formatJsonConfig, parseJsonConfig, sameJsonConfig } from './json-config';

describe('parseJsonConfig', () => {
  it('accepts a JSON object', () => {
    expect(parseJsonConfig('{ "timeout": 30, "url": "https://x" }')).toEqual({
      ok: true,
      config: { timeout: 30, url: 'https://x' },
    });
  });

  it('says where invalid JSON breaks, by line and column', () => {
    const result = parseJsonConfig('{\n  "a": 1\n  "b": 2\n}');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.line).toBe(3);
    expect(result.column).toBe(3);
    expect(result.message).toMatch(/^Not valid JSON at line 3, column 3: /);
    expect(result.message).not.toMatch(/position/);
  });

  it('says where text that ends too early stops', () => {
    const result = parseJsonConfig('{\n  "a": ');
    expect(result).toMatchObject({ ok: false, line: 2, column: 7 });
    if (!result.ok) expect(result.message).toMatch(/^Not valid JSON at line 2, column 7: /);
  });

  it('refuses JSON that is not an object', () => {
    for (const text of ['[]', 'null', '42', '"x"']) {
      const result = parseJsonConfig(text);
      expect(result.ok, text).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/must be a JSON object/);
    }
  });

  it('asks for an object when the text is empty', () => {
    expect(parseJsonConfig('  ')).toEqual({ ok: false, message: 'Enter a JSON object, such as {}' });
  });

  it('refuses configurations over 64 KiB', () => {
    const result = parseJsonConfig(JSON.stringify({ big: 'x'.repeat(70_000) }));
    expect(result).toEqual({ ok: false, message: 'The configuration is too large (64 KiB at most)' });
  });
});

describe('sameJsonConfig', () => {
  it('ignores spacing and key order', () => {
    expect(sameJsonConfig('{"b":2,"a":1}', { a: 1, b: 2 })).toBe(true);
    expect(sameJsonConfig(formatJsonConfig({ a: 1 }), { a: 2 })).toBe(false);
    expect(sameJsonConfig('{oops', {})).toBe(false);
  });
});
