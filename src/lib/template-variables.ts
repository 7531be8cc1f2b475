/**
 * Prompt-aware extras: which `{{variables}}` a prompt change adds or removes, and how its length
 * moves. Linear scans, safe on 8 MiB prompts.
 */

const VARIABLE = /\{\{\s*([A-Za-z_][\w.-]*)\s*\}\}/g;

/** The distinct template variables of a text, in order of first use. */
export function templateVariables(text: string): string[] {
  const seen = new Set<string>();
  for (const match of text.matchAll(VARIABLE)) seen.add(match[1]!);
  return [...seen];
}

export interface TemplateVariableChanges {
  added: string[];
  removed: string[];
}

export function templateVariableChanges(before: string, after: string): TemplateVariableChanges {
  const was = new Set(templateVariables(before));
  const now = templateVariables(after);
  const nowSet = new Set(now);
  return {
    added: now.filter((v) => !was.has(v)),
    removed: [...was].filter((v) => !nowSet.has(v)),
  };
}

function countLines(text: string): number {
  if (text === '') return 0;
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

export interface LengthChange {
  beforeChars: number;
  afterChars: number;
  deltaChars: number;
  beforeLines: number;
  afterLines: number;
  deltaLines: number;
}

export function lengthChange(before: string, after: string): LengthChange {
  const beforeLines = countLines(before);
  const afterLines = countLines(after);
  return {
    beforeChars: before.length,
    afterChars: after.length,
    deltaChars: after.length - before.length,
    beforeLines,
    afterLines,
    deltaLines: afterLines - beforeLines,
  };
}

/** "+120", "−45", "±0": a signed count with a true minus sign. */
export function signed(n: number): string {
  if (n === 0) return '±0';
  return `${n > 0 ? '+' : '−'}${Math.abs(n).toLocaleString('en-US')}`;
}
