/**
 * How one changed value reads on screen. The server says what changed; these helpers only decide
 * how to show a before/after pair: as a text diff, "production → staging", chips, rows of fields
 * or pretty JSON.
 */
import { stableStringify } from './stable-json';

export type ValueKind = 'text' | 'scalar' | 'list' | 'fields' | 'json';

/** Fields whose values are prose or prompts: always shown as a text diff, however short. */
const LONG_TEXT_FIELDS = new Set(['prefix_prompt', 'domain', 'sample_q1', 'sample_q2', 'sample_q3']);
/** Strings longer than this (or with a line break) read better as a text diff than inline. */
const SHORT_TEXT_MAX = 80;
const CHIP_MAX = 60;

/** A JSON object: not null, not a list. */
export const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

const isPrimitive = (v: unknown): v is null | boolean | number | string =>
  v === null || v === undefined || typeof v === 'boolean' || typeof v === 'number' || typeof v === 'string';

/** `{ id, name }`, `{ id, model_name }`, a tool's `{ id, name, type }`: a reference that reads as its name. */
export function refName(v: unknown): string | null {
  if (!isRecord(v)) return null;
  const keys = Object.keys(v);
  const plain = keys.length === 2 || (keys.length === 3 && typeof v.type === 'string');
  if (!keys.includes('id') || !plain) return null;
  const name = v.name ?? v.model_name;
  return typeof name === 'string' ? name : null;
}

const lastSegment = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/** The system prompt and instructions get the prompt-aware extras (template variables, length). */
export function isPromptPath(path: string): boolean {
  return lastSegment(path) === 'prefix_prompt' || /^instructions\/\d+$/.test(path);
}

export function isLongTextPath(path: string): boolean {
  return LONG_TEXT_FIELDS.has(lastSegment(path)) || /^instructions\/\d+$/.test(path);
}

function isLongString(v: unknown): boolean {
  return typeof v === 'string' && (v.length > SHORT_TEXT_MAX || v.includes('\n'));
}

const isChip = (v: unknown) =>
  (typeof v === 'string' && v.length <= CHIP_MAX && !v.includes('\n')) || typeof v === 'number';

/** Items that read as their names: a tool's actions, say. */
const isNamedList = (v: unknown): v is Record<string, unknown>[] =>
  Array.isArray(v) && v.every((item) => isRecord(item) && typeof item.name === 'string');

/**
 * An object each of whose members reads as one row: primitives, references, and lists of plain
 * values or of named items.
 */
function isFlatRecord(v: unknown): v is Record<string, unknown> {
  return (
    isRecord(v) &&
    Object.values(v).every(
      (m) =>
        isPrimitive(m) || refName(m) !== null || isNamedList(m) || (Array.isArray(m) && m.every(isPrimitive)),
    )
  );
}

export function classifyChange(path: string, before: unknown, after: unknown): ValueKind {
  const sides = [before, after].filter((v) => v !== null && v !== undefined);
  if (sides.length === 0) return 'scalar';
  if (sides.every((v) => typeof v === 'string')) {
    return isLongTextPath(path) || sides.some(isLongString) ? 'text' : 'scalar';
  }
  if (sides.every((v) => refName(v) !== null || isPrimitive(v))) return 'scalar';
  if (sides.every((v) => Array.isArray(v))) {
    const items = sides.flatMap((v) => v as unknown[]);
    if (items.every(isChip)) {
      const { added, removed } = listChanges(before, after);
      // Same items in another order: chips would show nothing, a line diff shows the order.
      return added.length + removed.length > 0 ? 'list' : 'text';
    }
    return items.every((i) => typeof i === 'string') ? 'text' : 'json';
  }
  if (path.endsWith('/config')) return 'json';
  // Added or removed ones too: a knowledge source, a folder, a tool with its actions.
  if (sides.every(isFlatRecord)) return 'fields';
  return 'json';
}

/** Fields whose values are chosen from a list, shown as the editor offers them ("High", "Ash"). */
const CHOICE_FIELDS = new Set(['reasoning_mode', 'character_voice']);
export const isChoiceField = (path: string): boolean => CHOICE_FIELDS.has(path);

/** A value chosen from a list as the editor names it: its first letter in capitals. */
export const choiceLabel = (value: string): string => value.charAt(0).toUpperCase() + value.slice(1);

/** The value of the field at `path` as people read it: a choice as the editor names it. */
export function formatFieldValue(path: string, v: unknown): string {
  if (typeof v === 'string' && v !== '' && isChoiceField(path)) return choiceLabel(v);
  return formatScalar(v);
}

/** One short value as people read it. */
export function formatScalar(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'boolean') return v ? 'On' : 'Off';
  if (typeof v === 'number') return v.toLocaleString('en-US');
  if (typeof v === 'string') return v === '' ? 'Empty' : v;
  const name = refName(v);
  if (name !== null) return name;
  return stableStringify(v, 0);
}

/** A value as text for the text differ: strings as they are, lists one item a line, objects as JSON. */
export function toDiffText(kind: ValueKind, v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  // One item a line, each marked the same way (not numbered: a number would change on every line
  // after an item moved, and the diff would mark them all). A line without the mark continues
  // the item above it; the viewer's line numbers give the positions.
  if (kind === 'text' && Array.isArray(v)) return v.map((item) => `• ${formatScalar(item)}`).join('\n');
  return stableStringify(v);
}

/** Two lists with the same items (as many of each), in another order: a reorder, nothing else. */
export function onlyReordered(before: unknown, after: unknown): boolean {
  if (!Array.isArray(before) || !Array.isArray(after) || before.length !== after.length) return false;
  const key = (item: unknown) => (typeof item === 'string' ? item : stableStringify(item, 0));
  const a = before.map(key).sort();
  const b = after.map(key).sort();
  return a.every((item, i) => item === b[i]) && before.some((item, i) => key(item) !== key(after[i]));
}

export interface ListChanges {
  added: string[];
  removed: string[];
  kept: string[];
}

/** Items of a list (tags) on one side only; duplicates count once. */
export function listChanges(before: unknown, after: unknown): ListChanges {
  const b = (Array.isArray(before) ? before : []).map(formatScalar);
  const a = (Array.isArray(after) ? after : []).map(formatScalar);
  const bSet = new Set(b);
  const aSet = new Set(a);
  return {
    added: [...aSet].filter((x) => !bSet.has(x)),
    removed: [...bSet].filter((x) => !aSet.has(x)),
    kept: [...aSet].filter((x) => bSet.has(x)),
  };
}

export interface FieldRow {
  key: string;
  before: string;
  after: string;
  changed: boolean;
}

/** One member of a flat object as people read it: a list of named items by their names. */
function formatMember(v: unknown): string {
  if (isNamedList(v)) {
    if (v.length === 0) return 'None';
    return v
      .map((item) =>
        typeof item.is_enabled === 'boolean'
          ? `${String(item.name)} (${formatScalar(item.is_enabled)})`
          : String(item.name),
      )
      .join(', ');
  }
  if (Array.isArray(v) && v.every(isPrimitive))
    return v.length === 0 ? 'None' : v.map(formatScalar).join(', ');
  return formatScalar(v);
}

/**
 * Member-by-member rows of two flat objects (one of them missing for an item added or removed),
 * changed members first in key order. Internal ids are left out: the item's label names it.
 */
export function fieldRows(before: unknown, after: unknown): FieldRow[] {
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((key) => key !== 'id').sort();
  const rows = keys.map((key) => {
    const was = formatMember(b[key]);
    const now = formatMember(a[key]);
    return {
      key,
      before: was,
      after: now,
      changed: stableStringify(b[key] ?? null) !== stableStringify(a[key] ?? null),
    };
  });
  return [...rows.filter((r) => r.changed), ...rows.filter((r) => !r.changed)];
}

export interface ItemConfig {
  /** Stable within the object: the list's member name and the item's id (or name). */
  key: string;
  /** For people: "Action “Create issue” config". */
  label: string;
  /** Pretty, key-sorted JSON; empty on the side where the item does not exist. */
  before: string;
  after: string;
}

/** A named list's items that carry a `config`, by list member and item id (or name). */
function configsOf(v: unknown): Map<string, { label: string; config: unknown }> {
  const configs = new Map<string, { label: string; config: unknown }>();
  if (!isRecord(v)) return configs;
  for (const member of Object.keys(v).sort()) {
    const list = v[member];
    if (!isNamedList(list)) continue;
    const noun = humanizeKey(member.replace(/s$/, ''));
    for (const item of list) {
      if (!('config' in item)) continue;
      const id = typeof item.id === 'number' || typeof item.id === 'string' ? item.id : String(item.name);
      configs.set(`${member}/${id}`, {
        label: `${noun} “${String(item.name)}” config`,
        config: item.config ?? null,
      });
    }
  }
  return configs;
}

/**
 * The configurations a flat object's named items carry (a tool's actions), which its rows read by
 * name only: every one of an object added or removed, since they go live or go with it, and those
 * that differ of one changed.
 */
export function itemConfigs(before: unknown, after: unknown): ItemConfig[] {
  const b = configsOf(before);
  const a = configsOf(after);
  const keys = [...new Set([...a.keys(), ...b.keys()])];
  return keys.flatMap((key) => {
    const was = b.get(key);
    const now = a.get(key);
    const item = {
      key,
      label: (now ?? was)?.label ?? key,
      before: was ? stableStringify(was.config) : '',
      after: now ? stableStringify(now.config) : '',
    };
    return item.before === item.after ? [] : [item];
  });
}

/** "is_enabled" → "Is enabled": member names of the wire, readable. */
export function humanizeKey(key: string): string {
  const words = key.replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

// Made on first use, not when the module loads: the first Intl object of a page starts the
// browser's locale data, 30-50 ms here, which would otherwise land in the screen's first task.
let dateTime: Intl.DateTimeFormat | null = null;

/** "28 Nov 2026, 19:43 UTC": the server's timestamps are UTC, and so is the reading. */
export function formatTimestamp(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  dateTime ??= new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short',
  });
  return dateTime.format(d);
}

export function pluralize(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}
