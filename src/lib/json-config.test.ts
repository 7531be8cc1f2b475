import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '@contract';
import {
  findJsonSyntaxError,
  formatJsonConfig,
  nestingPastLimit,
  parseJsonConfig,
  sameJsonConfig,
} from './json-config';

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

  it('words common mistakes itself, whatever the engine says', () => {
    const message = (text: string) => {
      const r = parseJsonConfig(text);
      return r.ok ? null : r.message;
    };
    expect(message('{\n  "confirm": tru\n}')).toBe(
      'Not valid JSON at line 2, column 14: “tru” is not a JSON value: text goes in double quotes, and only true, false and null are bare words',
    );
    expect(message('{ "a": 1, }')).toBe(
      'Not valid JSON at line 1, column 11: Remove the comma before “}”: JSON allows no trailing comma',
    );
    expect(message("{ 'a': 1 }")).toBe(
      'Not valid JSON at line 1, column 3: Property names go in double quotes',
    );
    expect(message('{ "a": "open }')).toBe(
      'Not valid JSON at line 1, column 8: This string is never closed with "',
    );
    expect(message('{ "a" 1 }')).toBe(
      'Not valid JSON at line 1, column 7: Expected “:” after the property name, but found “1”',
    );
    expect(message('{\n  // the mailbox\n  "from": "hr@example.com"\n}')).toBe(
      'Not valid JSON at line 2, column 3: Expected a property name in double quotes, but found a comment (“//”): JSON allows none',
    );
    expect(message('{ "a": 1 /* max */ }')).toBe(
      'Not valid JSON at line 1, column 10: Expected “,” or “}” after a property, but found a comment (“/*”): JSON allows none',
    );
    expect(message('{} {}')).toBe(
      'Not valid JSON at line 1, column 4: Unexpected text after the end of the JSON: found “{”',
    );
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

  it('refuses a property named twice, which JSON would quietly keep only the last of', () => {
    expect(parseJsonConfig('{\n  "a": 1,\n  "a": 2\n}')).toEqual({
      ok: false,
      message: 'At line 3, column 3: “a” is named twice in the same object: only the last one would count',
      line: 3,
      column: 3,
    });
    expect(parseJsonConfig('{ "outer": { "k": 1, "k": 2 } }').ok).toBe(false);
    // The same name in different objects is fine.
    expect(parseJsonConfig('{ "k": { "k": 1 }, "list": [{ "k": 1 }, { "k": 2 }] }').ok).toBe(true);
  });

  it('refuses numbers that would not come back as written, and a property named __proto__', () => {
    expect(parseJsonConfig('{\n  "limit": 1e309\n}')).toEqual({
      ok: false,
      message: 'At line 2, column 12: 1e309 is too large for a JSON number',
      line: 2,
      column: 12,
    });
    expect(parseJsonConfig('{ "tiny": -1.5e-400 }')).toMatchObject({
      ok: false,
      message: expect.stringContaining('-1.5e-400 is too small for a JSON number') as unknown,
    });
    expect(parseJsonConfig('{ "id": 12345678901234567890 }')).toMatchObject({
      ok: false,
      message: expect.stringContaining(
        '12345678901234567890 is beyond the largest whole number kept exactly (9007199254740991): write it as a string, in quotes',
      ) as unknown,
    });
    expect(parseJsonConfig('{ "a": { "__proto__": {} } }')).toMatchObject({
      ok: false,
      message: 'At line 1, column 10: “__proto__” cannot be used as a property name',
    });
    // A stored whole number beyond 2^53, as the editor shows it (JavaScript's own writing of it).
    expect(parseJsonConfig(formatJsonConfig({ channel: Number('1234567890123456789') })).ok).toBe(true);
    // What does come back as written is fine: big floats, exact big whole numbers, zeros.
    expect(
      parseJsonConfig(
        '{ "a": 1.5e300, "b": 9007199254740992, "c": 1e20, "d": 0.0, "e": -0e5, "f": 9007199254740991 }',
      ).ok,
    ).toBe(true);
  });

  it('asks for an object when the text is empty', () => {
    expect(parseJsonConfig('  ')).toEqual({ ok: false, message: 'Enter a JSON object, such as {}' });
  });

  it('refuses configurations over 64 KiB, counted in bytes as stored', () => {
    const tooLarge = { ok: false, message: 'The configuration is too large (64 KiB at most)' };
    expect(parseJsonConfig(JSON.stringify({ big: 'x'.repeat(70_000) }))).toEqual(tooLarge);
    // 40,000 characters, but 80,000 bytes of UTF-8.
    expect(parseJsonConfig(JSON.stringify({ big: 'é'.repeat(40_000) }))).toEqual(tooLarge);
    expect(parseJsonConfig(JSON.stringify({ big: 'é'.repeat(30_000) })).ok).toBe(true);
  });
});

describe('sameJsonConfig', () => {
  it('ignores spacing and key order', () => {
    expect(sameJsonConfig('{"b":2,"a":1}', { a: 1, b: 2 })).toBe(true);
    expect(sameJsonConfig(formatJsonConfig({ a: 1 }), { a: 2 })).toBe(false);
    expect(sameJsonConfig('{oops', {})).toBe(false);
  });
});

describe('findJsonSyntaxError', () => {
  it('finds nothing wrong in any JSON the engine writes', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(0, 2), (value, indent) => {
        expect(findJsonSyntaxError(JSON.stringify(value, null, indent))).toBeNull();
      }),
    );
  });

  it('finds a problem wherever the engine refuses the text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 30 }),
          // JSON with one character dropped or one inserted: the mistakes people make.
          fc
            .tuple(fc.jsonValue(), fc.nat(), fc.constantFrom('', ',', '"', '}', ']', ':', "'", 'x'))
            .map(([value, at, insert]) => {
              const json = JSON.stringify(value, null, 1);
              const i = at % (json.length + 1);
              return insert === ''
                ? json.slice(0, i) + json.slice(i + 1)
                : json.slice(0, i) + insert + json.slice(i);
            }),
        ),
        (text) => {
          let engineAccepts = true;
          try {
            JSON.parse(text);
          } catch {
            engineAccepts = false;
          }
          expect(findJsonSyntaxError(text) === null).toBe(engineAccepts);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('a configuration nested deeper than the contract allows', () => {
  const nested = (levels: number) => `${'{"a":'.repeat(levels - 1)}{}${'}'.repeat(levels - 1)}`;

  it('is refused at the bracket that goes too deep, even thousands of levels down, without running out of stack', () => {
    for (const levels of [LIMITS.actionConfigDepth + 1, 3_000, 50_000]) {
      const result = parseJsonConfig(nested(levels));
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.message).toBe(
          `At line 1, column ${5 * LIMITS.actionConfigDepth + 1}: the configuration is nested too deeply (${LIMITS.actionConfigDepth} levels at most)`,
        );
      }
    }
    // Not valid JSON either: still said before the syntax check, which reads level by level.
    expect(parseJsonConfig('['.repeat(20_000)).ok).toBe(false);
  });

  it('is taken up to the limit, brackets inside strings not counted', () => {
    expect(parseJsonConfig(nested(LIMITS.actionConfigDepth)).ok).toBe(true);
    // An escaped quote does not end the string: the braces after it are still text.
    expect(nestingPastLimit(`{"a":"${'['.repeat(500)}\\"{{"}`, 1)).toBeNull();
    expect(nestingPastLimit('{"a":{}}', 1)).toBe(5);
  });
});
