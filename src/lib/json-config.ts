import { configBytes, LIMITS } from '@contract';
import { deepEqual } from './deep-equal';

/** An action's configuration as the editor shows it: JSON text, pretty-printed. */
export function formatJsonConfig(config: Record<string, unknown>): string {
  return JSON.stringify(config, null, 2);
}

export type JsonConfigResult =
  | { ok: true; config: Record<string, unknown> }
  | { ok: false; message: string; line?: number; column?: number };

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < position && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: position - lineStart + 1 };
}

/**
 * Why a JSON number would not come back as written, or null: JavaScript reads every number as a
 * double, so `1e309` becomes Infinity (written back as null), `1e-400` becomes 0, and a whole
 * number beyond 2^53 becomes the nearest one that fits.
 */
function numberNotKept(literal: string): string | null {
  const value = Number(literal);
  if (!Number.isFinite(value)) return `${literal} is too large for a JSON number`;
  if (value === 0 && /[1-9]/.test(literal.split(/[eE]/)[0]!))
    return `${literal} is too small for a JSON number`;
  // Whole numbers written as JavaScript writes them back (what the editor shows of a stored
  // one, `1234567890123456800`) are kept as they are.
  if (
    /^-?\d+$/.test(literal) &&
    !Number.isSafeInteger(value) &&
    String(value) !== literal &&
    BigInt(literal) !== BigInt(value)
  )
    return `${literal} is beyond the largest whole number kept exactly (${Number.MAX_SAFE_INTEGER}): write it as a string, in quotes`;
  return null;
}

interface SyntaxProblem {
  position: number;
  reason: string;
}

/**
 * Finds where JSON text breaks and why, in words. Engines word (and place) `JSON.parse` errors
 * differently — Chromium names no position at all — so the editor finds the place itself.
 */
export function findJsonSyntaxError(
  text: string,
  /**
   * Also report what is valid JSON but would not be kept as written: a property named twice in
   * one object (only the last one counts), a property named `__proto__`, and a number that reads
   * as another (out of range, or a whole number beyond 2^53).
   */
  options: { unkept?: boolean } = {},
): SyntaxProblem | null {
  let i = 0;
  const fail = (reason: string, at = i): never => {
    throw { position: at, reason } satisfies SyntaxProblem;
  };
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text.charAt(i))) i++;
  };
  const describe = () =>
    i >= text.length
      ? 'the text ends'
      : text.startsWith('//', i) || text.startsWith('/*', i)
        ? `found a comment (“${text.slice(i, i + 2)}”): JSON allows none`
        : `found “${text.charAt(i)}”`;

  const string = () => {
    const start = i;
    i++;
    while (i < text.length) {
      const c = text.charAt(i);
      if (c === '"') {
        i++;
        return;
      }
      if (c === '\\') {
        const e = text.charAt(i + 1);
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('A \\u escape needs four hex digits');
          i += 6;
        } else if ('"\\/bfnrt'.includes(e) && e !== '') i += 2;
        else fail(`Unknown escape “\\${e}” in a string`);
        continue;
      }
      if (c === '\n' || c.charCodeAt(0) < 0x20)
        fail('A string cannot span lines: close it with " or write \\n');
      i++;
    }
    fail('This string is never closed with "', start);
  };

  const value = (): void => {
    space();
    const c = text.charAt(i);
    if (c === '{') return object();
    if (c === '[') return array();
    if (c === '"') return string();
    const number = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (number && number[0] !== '-') {
      if (options.unkept) {
        const problem = numberNotKept(number[0]);
        if (problem) fail(problem);
      }
      i += number[0].length;
      return;
    }
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    const bare = /^[A-Za-z_][\w]*/.exec(text.slice(i));
    if (bare)
      fail(
        `“${bare[0]}” is not a JSON value: text goes in double quotes, and only true, false and null are bare words`,
      );
    if (c === "'") fail('Strings use double quotes (") in JSON, not single quotes');
    fail(`Expected a value, but ${describe()}`);
  };

  const object = () => {
    i++;
    space();
    if (text.charAt(i) === '}') {
      i++;
      return;
    }
    const names = new Set<string>();
    for (;;) {
      space();
      const c = text.charAt(i);
      if (c === '}') fail('Remove the comma before “}”: JSON allows no trailing comma');
      if (c !== '"')
        fail(
          c === "'" || /[A-Za-z_]/.test(c)
            ? 'Property names go in double quotes'
            : `Expected a property name in double quotes, but ${describe()}`,
        );
      const nameStart = i;
      string();
      if (options.unkept) {
        const name = JSON.parse(text.slice(nameStart, i)) as string;
        if (name === '__proto__') fail('“__proto__” cannot be used as a property name', nameStart);
        if (names.has(name))
          fail(`“${name}” is named twice in the same object: only the last one would count`, nameStart);
        names.add(name);
      }
      space();
      if (text.charAt(i) !== ':') fail(`Expected “:” after the property name, but ${describe()}`);
      i++;
      value();
      space();
      const next = text.charAt(i);
      if (next === ',') {
        i++;
        continue;
      }
      if (next === '}') {
        i++;
        return;
      }
      fail(`Expected “,” or “}” after a property, but ${describe()}`);
    }
  };

  const array = () => {
    i++;
    space();
    if (text.charAt(i) === ']') {
      i++;
      return;
    }
    for (;;) {
      space();
      if (text.charAt(i) === ']') fail('Remove the comma before “]”: JSON allows no trailing comma');
      value();
      space();
      const next = text.charAt(i);
      if (next === ',') {
        i++;
        continue;
      }
      if (next === ']') {
        i++;
        return;
      }
      fail(`Expected “,” or “]” after an item, but ${describe()}`);
    }
  };

  try {
    value();
    space();
    if (i < text.length) fail(`Unexpected text after the end of the JSON: ${describe()}`);
    return null;
  } catch (e) {
    if (e && typeof e === 'object' && 'position' in e) return e as SyntaxProblem;
    throw e;
  }
}

/**
 * Where the text opens its `limit + 1`th level of brackets, outside strings; null when it never
 * does. One pass, no recursion, whatever the text holds (valid JSON or not).
 */
export function nestingPastLimit(text: string, limit: number): number | null {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return i;
    } else if (c === 0x7d || c === 0x5d) depth = Math.max(0, depth - 1);
  }
  return null;
}

/**
 * Parses what the user typed as an action configuration: a JSON object. Errors say what is wrong
 * and where, in words ("Line 3, column 5: Expected ',' or '}' after property value").
 */
export function parseJsonConfig(text: string): JsonConfigResult {
  if (text.trim() === '') return { ok: false, message: 'Enter a JSON object, such as {}' };
  // Before anything that reads the text or its value level by level (the syntax check, the size,
  // comparisons): thousands of levels would run them out of stack.
  const tooDeep = nestingPastLimit(text, LIMITS.actionConfigDepth);
  if (tooDeep !== null) {
    const at = lineAndColumn(text, tooDeep);
    return {
      ok: false,
      message: `At line ${at.line}, column ${at.column}: the configuration is nested too deeply (${LIMITS.actionConfigDepth} levels at most)`,
      ...at,
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const problem = findJsonSyntaxError(text);
    if (!problem)
      return { ok: false, message: `Not valid JSON: ${e instanceof Error ? e.message : String(e)}` };
    const at = lineAndColumn(text, Math.min(problem.position, text.trimEnd().length));
    return {
      ok: false,
      message: `Not valid JSON at line ${at.line}, column ${at.column}: ${problem.reason}`,
      ...at,
    };
  }
  const unkept = findJsonSyntaxError(text, { unkept: true });
  if (unkept) {
    const at = lineAndColumn(text, unkept.position);
    return { ok: false, message: `At line ${at.line}, column ${at.column}: ${unkept.reason}`, ...at };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const kind = value === null ? 'null' : Array.isArray(value) ? 'a list' : `a ${typeof value}`;
    return { ok: false, message: `The configuration must be a JSON object in braces { }, not ${kind}` };
  }
  const bytes = configBytes(value);
  if (bytes === null) return { ok: false, message: 'The configuration is nested too deeply' };
  // As the contract's `actionConfigUpdateSchema` measures it: UTF-8 bytes, 64 KiB at most.
  if (bytes > LIMITS.actionConfigBytes) {
    return { ok: false, message: 'The configuration is too large (64 KiB at most)' };
  }
  return { ok: true, config: value as Record<string, unknown> };
}

/** True when the text parses to the same configuration, whatever its spacing or key order. */
export function sameJsonConfig(text: string, config: Record<string, unknown>): boolean {
  const parsed = parseJsonConfig(text);
  return parsed.ok && deepEqual(parsed.config, config);
}
