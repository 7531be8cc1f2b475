import { describe, expect, it } from 'vitest';
import { stableStringify } from './stable-json';

describe('stableStringify', () => {
  it('prints objects with the same members identically whatever their key order', () => {
    expect(stableStringify({ b: 1, a: { d: 2, c: 3 } })).toBe(stableStringify({ a: { c: 3, d: 2 }, b: 1 }));
  });

  it('sorts keys at every depth, including inside arrays', () => {
    expect(stableStringify([{ z: 1, a: 2 }], 0)).toBe('[{"a":2,"z":1}]');
  });

  it('keeps the order of array items, which is meaningful', () => {
    expect(stableStringify([3, 1, 2], 0)).toBe('[3,1,2]');
  });

  it('pretty-prints with two spaces by default', () => {
    expect(stableStringify({ b: true, a: null })).toBe('{\n  "a": null,\n  "b": true\n}');
  });

  it('prints primitives and null as JSON, and undefined as null', () => {
    expect(stableStringify('x')).toBe('"x"');
    expect(stableStringify(null)).toBe('null');
    expect(stableStringify(undefined)).toBe('null');
  });

  it('drops undefined members like JSON.stringify does', () => {
    expect(stableStringify({ a: undefined, b: 1 }, 0)).toBe('{"b":1}');
  });
});
