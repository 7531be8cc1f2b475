import type { Context } from 'hono';
import type { z } from 'zod';
import type { ErrorDetail } from '../../contract';
import { idParamSchema } from '../../contract';
import { badRequest, validationError } from './api-error';
import { requestHeader } from './request-header';

type Issue = z.core.$ZodIssue;

/** How many unknown keys an answer names, and how much of each: the rest is counted. */
const UNKNOWN_KEYS_NAMED = 20;
const KEY_SHOWN = 100;
const shownKey = (key: string) => {
  // By characters, not UTF-16 units: half an emoji would be no character at all.
  const characters = Array.from(key.length > KEY_SHOWN * 2 ? key.slice(0, KEY_SHOWN * 2) : key);
  return characters.length > KEY_SHOWN ? `${characters.slice(0, KEY_SHOWN).join('')}…` : key;
};

/**
 * zod issues as Ejento's `{ field, message }` list; unknown keys get one entry each, up to 20
 * and each cut to 100 characters, so a body of unknown keys is not sent back many times over.
 */
export function issueDetails(issues: readonly Issue[], prefix: string[] = []): ErrorDetail[] {
  return issues.flatMap((issue) => {
    const base = [...prefix, ...issue.path.map(String)];
    if (issue.code === 'unrecognized_keys') {
      const named = issue.keys.slice(0, UNKNOWN_KEYS_NAMED).map((key) => ({
        field: [...base, shownKey(key)].join('.'),
        message: `Unknown field "${shownKey(key)}"`,
      }));
      const more = issue.keys.length - named.length;
      if (more > 0) {
        named.push({
          field: base.join('.') || 'body',
          message: `${more} more unknown field${more === 1 ? '' : 's'}`,
        });
      }
      return named;
    }
    return [{ field: base.join('.') || 'body', message: issue.message }];
  });
}

export function parseWith<S extends z.ZodType>(
  schema: S,
  value: unknown,
  prefix: string[] = [],
): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(issueDetails(result.error.issues, prefix));
  return result.data;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Whether the request says its body is JSON in UTF-8: `application/json` (or a `+json` type),
 * with no charset or `utf-8`, and no content coding. A form post, text in another charset or a
 * gzipped body would otherwise be read as something it is not.
 */
function jsonContentProblem(c: Context): string | null {
  const coding = requestHeader(c, 'content-encoding')?.trim().toLowerCase();
  if (coding && coding !== 'identity')
    return `Send the body uncompressed (Content-Encoding “${coding}” is not read)`;
  const [type = '', ...params] = (requestHeader(c, 'content-type') ?? '').split(';');
  const media = type.trim().toLowerCase();
  if (media !== 'application/json' && !/^application\/[\w.+-]+\+json$/.test(media))
    return 'Send the body as JSON, with Content-Type: application/json';
  for (const param of params) {
    const [name = '', value = ''] = param.split('=');
    if (name.trim().toLowerCase() === 'charset' && !/^"?utf-8"?$/i.test(value.trim()))
      return 'Send the body in UTF-8 (charset=utf-8)';
  }
  return null;
}

/**
 * The JSON body, validated. A body that is not JSON in UTF-8 (by its headers or its bytes), or
 * malformed JSON, is a 400; well-formed JSON of the wrong shape a 422. `optional` bodies may be
 * empty (no bytes at all), standing for `{}`; a body of only whitespace is not JSON, and is a 400.
 */
export async function jsonBody<S extends z.ZodType>(
  c: Context,
  schema: S,
  options: { optional?: boolean } = {},
): Promise<z.output<S>> {
  const bytes = await c.req.arrayBuffer();
  // What the headers say first: a gzipped body is not "invalid UTF-8", it is not read at all.
  const problem = bytes.byteLength > 0 ? jsonContentProblem(c) : null;
  if (problem) throw badRequest(problem);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw badRequest('The body is not valid UTF-8');
  }
  if (bytes.byteLength === 0 && options.optional) return parseWith(schema, {});
  if (text.trim() === '') {
    throw badRequest(
      options.optional ? 'The body holds only whitespace: send JSON, or no body at all' : 'Send a JSON body',
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw badRequest('The body is not valid JSON');
  }
  return parseWith(schema, value);
}

export function pathId(c: Context, name: string): number {
  return parseWith(idParamSchema, c.req.param(name), [name]);
}

/** Query strings already read, by schema: a list's next page asks with the same few strings. */
const readQueries = new WeakMap<z.ZodType, Map<string, unknown>>();
const READ_QUERIES_KEPT = 512;

/**
 * The query string, validated; a parameter given twice is refused, not read as its first value.
 * The result is frozen and kept by the raw string: under load, reading the same page's query
 * again (splitting it twice, then the schema) was a twentieth of a cached read's cost.
 */
export function query<S extends z.ZodType>(c: Context, schema: S): Readonly<z.output<S>> {
  const url = c.req.url;
  const at = url.indexOf('?');
  const raw = at < 0 ? '' : url.slice(at);
  let read = readQueries.get(schema);
  const known = read?.get(raw);
  if (known !== undefined) return known as Readonly<z.output<S>>;
  const repeated = Object.entries(c.req.queries()).filter(([, values]) => values.length > 1);
  if (repeated.length > 0)
    throw validationError(repeated.map(([field]) => ({ field, message: 'Given more than once' })));
  const value = Object.freeze(parseWith(schema, c.req.query())) as Readonly<z.output<S>>;
  if (!read) readQueries.set(schema, (read = new Map<string, unknown>()));
  if (read.size >= READ_QUERIES_KEPT) read.clear();
  read.set(raw, value);
  return value;
}

/**
 * `If-Match: "<revision>"`, quoted or not; `*` (or no header) matches anything. A weak tag
 * (`W/"12"`) never matches: If-Match compares strongly. Anything else is a 400.
 */
export function ifMatch(c: Context): number | undefined {
  const raw = c.req.header('if-match');
  if (raw === undefined || raw.trim() === '*') return undefined;
  const match = /^\s*(W\/)?(?:"(\d{1,15})"|(\d{1,15}))\s*$/.exec(raw);
  if (!match || (match[1] && !match[2]))
    throw badRequest('If-Match must be a staging revision, such as "12"');
  return match[1] ? NO_REVISION : Number(match[2] ?? match[3]);
}

/** What a weak If-Match stands for: no revision is ever this one. */
const NO_REVISION = -1;
