import { deepEqual } from './deep-equal';

/** An action's configuration as the editor shows it: JSON text, pretty-printed. */
export function formatJsonConfig(config: Record<string, unknown>): string {
  return JSON.stringify(config, null, 2);
}

export type JsonConfigResult =
  | { ok: true; config: Record<string, unknown> }
  | { ok: false; message: string; line?: number; column?: number };

/** 64 KiB, as the contract's `actionConfigUpdateSchema` allows. */
export const JSON_CONFIG_MAX_CHARS = 64 * 1024;

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

/** The engine's reason without its "in JSON at position 12 (line 2 column 3)" tail. */
function reasonOf(error: unknown): { reason: string; position: number | null } {
  const raw = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(raw);
  const endOfInput = /end of (JSON )?(input|data)/i.test(raw);
  const reason = raw
    .replace(/\s*in JSON at position \d+.*$/s, '')
    .replace(/\s*at position \d+.*$/s, '')
    .replace(/^JSON\.parse: /, '')
    .trim();
  return {
    reason: reason || 'Unexpected text',
    position: position ? Number(position[1]) : endOfInput ? Number.POSITIVE_INFINITY : null,
  };
}

/**
 * Parses what the user typed as an action configuration: a JSON object. Errors say what is wrong
 * and where, in words ("Line 3, column 5: Expected ',' or '}' after property value").
 */
export function parseJsonConfig(text: string): JsonConfigResult {
  if (text.trim() === '') return { ok: false, message: 'Enter a JSON object, such as {}' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const { reason, position } = reasonOf(e);
    if (position === null) return { ok: false, message: `Not valid JSON: ${reason}` };
    const at = lineAndColumn(text, Math.min(position, text.trimEnd().length));
    return { ok: false, message: `Not valid JSON at line ${at.line}, column ${at.column}: ${reason}`, ...at };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const kind = value === null ? 'null' : Array.isArray(value) ? 'a list' : `a ${typeof value}`;
    return { ok: false, message: `The configuration must be a JSON object in braces { }, not ${kind}` };
  }
  if (JSON.stringify(value).length > JSON_CONFIG_MAX_CHARS) {
    return { ok: false, message: 'The configuration is too large (64 KiB at most)' };
  }
  return { ok: true, config: value as Record<string, unknown> };
}

/** True when the text parses to the same configuration, whatever its spacing or key order. */
export function sameJsonConfig(text: string, config: Record<string, unknown>): boolean {
  const parsed = parseJsonConfig(text);
  return parsed.ok && deepEqual(parsed.config, config);
}
