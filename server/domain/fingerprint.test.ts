import { describe, expect, it } from 'vitest';
import { canonicalJson, fingerprint, jsonEqual } from './fingerprint';

describe('fingerprint', () => {
  it('gives the same hash whatever the key order', () => {
    expect(fingerprint({ a: 1, b: { c: [1, 2], d: 'x' } })).toBe(
      fingerprint({ b: { d: 'x', c: [1, 2] }, a: 1 }),
    );
  });

  it('gives a different hash when any nested value differs', () => {
    expect(fingerprint({ a: { b: [1, 2] } })).not.toBe(fingerprint({ a: { b: [2, 1] } }));
  });

  it('serialises keys sorted at every depth', () => {
    expect(canonicalJson({ z: 1, a: { y: 2, b: 3 } })).toBe('{"a":{"b":3,"y":2},"z":1}');
  });

  it('is a 64-character hex sha256', () => {
    expect(fingerprint({})).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('jsonEqual', () => {
  it('ignores key order but not array order', () => {
    expect(jsonEqual({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
  });

  it('tells null, missing keys and different types apart', () => {
    expect(jsonEqual({ a: null }, {})).toBe(false);
    expect(jsonEqual({ a: 1 }, { a: '1' })).toBe(false);
    expect(jsonEqual([], {})).toBe(false);
  });
});
