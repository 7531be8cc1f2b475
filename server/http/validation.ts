import type { Context } from 'hono';
import type { z } from 'zod';
import type { ErrorDetail } from '../../contract';
import { idParamSchema } from '../../contract';
import { badRequest, validationError } from './api-error';

type Issue = z.core.$ZodIssue;

/** zod issues as Ejento's `{ field, message }` list; unknown keys get one entry each. */
export function issueDetails(issues: readonly Issue[], prefix: string[] = []): ErrorDetail[] {
  return issues.flatMap((issue) => {
    const base = [...prefix, ...issue.path.map(String)];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        field: [...base, key].join('.'),
        message: `Unknown field "${key}"`,
      }));
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

/**
 * The JSON body, validated. Malformed JSON is a 400; well-formed JSON of the wrong shape a 422.
 * `optional` bodies may be empty, standing for `{}`.
 */
export async function jsonBody<S extends z.ZodType>(
  c: Context,
  schema: S,
  options: { optional?: boolean } = {},
): Promise<z.output<S>> {
  const text = await c.req.text();
  if (text.trim() === '') {
    if (options.optional) return parseWith(schema, {});
    throw badRequest('Send a JSON body');
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

export function query<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  return parseWith(schema, c.req.query());
}

/** `If-Match: "<revision>"`, quoted or not; `*` matches anything. */
export function ifMatch(c: Context): number | undefined {
  const raw = c.req.header('if-match');
  if (raw === undefined || raw.trim() === '' || raw.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/.exec(raw);
  if (!match?.[1]) throw badRequest('If-Match must be a staging revision, such as "12"');
  return Number(match[1]);
}
