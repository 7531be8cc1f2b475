import { z } from 'zod';
import { lazySchema } from './lazy';

/** Ejento's success envelope: `{ success: true, message, data }`. */
export const envelopeSchema = <T extends z.ZodType>(data: T) =>
  z.object({
    success: z.literal(true),
    message: z.string().optional().default(''),
    data,
  });

export const errorDetailSchema = lazySchema(() => z.object({ field: z.string(), message: z.string() }));
export type ErrorDetail = z.infer<typeof errorDetailSchema>;

/** Ejento's error envelope for platform calls. */
export const errorEnvelopeSchema = lazySchema(() =>
  z.object({
    success: z.literal(false),
    message: z.string(),
    error: z.object({ code: z.string(), details: z.unknown().optional() }),
    data: z.unknown().optional(),
  }),
);
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;

/** Auth-service errors are `{ detail }`. */
export const authErrorSchema = lazySchema(() => z.object({ detail: z.unknown() }));

/*
 * Characters text may not hold. Control characters are invisible on screen and break what reads
 * text later (logs, exports, terminals, other systems' parsers), and NUL ends strings in C. One-line
 * text (names, tags) refuses every C0 control (U+0000–U+001F), DEL and the C1 controls
 * (U+007F–U+009F), and the line and paragraph separators (U+2028, U+2029), which break a line as
 * much as a line feed; multi-line text (prompts, descriptions, notes) keeps tab, line feed,
 * carriage return and the two separators.
 * Direction embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) reorder what is
 * shown: a reviewer would read "USD 1000" where "USD 0001" goes live. The marks that only set the
 * direction of neutral characters (U+200E, U+200F, U+061C) stay allowed.
 * One-line text also refuses the characters that show as nothing at all (zero-width space, word
 * joiner, byte order mark), so two names that look the same are the same. Joiners inside emoji
 * and scripts (U+200C, U+200D) are text and stay.
 * Any text refuses half of a UTF-16 surrogate pair: it is no character, and stored as UTF-8 it
 * would come back as U+FFFD.
 */
const ONE_LINE_FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u200b\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ufeff]/;
const MULTI_LINE_FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- as above, less tab (09), line feed (0A), carriage return (0D) and the invisible ones
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const SURROGATE = /[\ud800-\udfff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

type ForbiddenKind = 'control' | 'direction' | 'invisible' | 'broken';

function kindOf(code: number): ForbiddenKind {
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029) return 'control';
  if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) return 'direction';
  if (code >= 0xd800 && code <= 0xdfff) return 'broken';
  return 'invisible';
}

/** Index of the first unpaired surrogate in `text`, or -1. */
function loneSurrogateIndex(text: string): number {
  if (!SURROGATE.test(text)) return -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return i;
    } else if (code >= 0xdc00 && code <= 0xdfff) return i;
  }
  return -1;
}

/** `text` with each character a one-line text may not hold replaced by �, to quote it safely. */
export const replaceControlCharacters = (text: string): string =>
  text.replace(new RegExp(ONE_LINE_FORBIDDEN.source, 'g'), '\uFFFD').replace(LONE_SURROGATE, '\uFFFD');

/** Index of the first character `text` may not hold, or -1. */
export function controlCharacterIndex(text: string, multiLine: boolean): number {
  const found = text.search(multiLine ? MULTI_LINE_FORBIDDEN : ONE_LINE_FORBIDDEN);
  const broken = loneSurrogateIndex(found < 0 ? text : text.slice(0, found));
  return broken >= 0 ? broken : found;
}

/**
 * "The name cannot contain …": what is wrong and, since the character is invisible, where it is:
 * `where`, else a line number in multi-line text (a character count would be no help there).
 */
export function controlCharacterMessage(
  subject: string,
  text: string,
  multiLine: boolean,
  where?: string,
): string {
  const index = Math.max(0, controlCharacterIndex(text, multiLine));
  const code = `U+${text.charCodeAt(index).toString(16).toUpperCase().padStart(4, '0')}`;
  const at =
    where ??
    (multiLine
      ? `on line ${text.slice(0, index).split('\n').length}`
      : `at character ${Array.from(text.slice(0, index)).length + 1}`);
  const found = `(found ${code} ${at})`;
  switch (kindOf(text.charCodeAt(index))) {
    case 'direction':
      return `${subject} cannot contain invisible text-direction controls, which make it read differently from what is stored ${found}`;
    case 'invisible':
      return `${subject} cannot contain invisible characters such as zero-width spaces ${found}`;
    case 'broken':
      return `${subject} contains a broken character, half of a UTF-16 pair ${found}`;
    case 'control': {
      const rule = multiLine ? 'other than tabs and line breaks' : 'such as tabs or line breaks';
      return `${subject} cannot contain control characters ${rule} ${found}`;
    }
  }
}

const withoutControls = (subject: string, multiLine: boolean) =>
  z.string().refine((text) => controlCharacterIndex(text, multiLine) < 0, {
    error: (issue) => controlCharacterMessage(subject, String(issue.input), multiLine),
    // One clear message: the checks after (trim, min, max) would only add noise.
    abort: true,
  });

/** One-line text: no control characters at all. Checked before any trim, on what was sent. */
export const oneLineString = (subject: string) => withoutControls(subject, false);

/** Multi-line text: no control characters but tab, line feed and carriage return. */
export const multiLineString = (subject: string) => withoutControls(subject, true);

/**
 * A whole number in a query string, written in digits: `0x2`, `1e1`, `+1` and ` 1` are refused
 * rather than read as 2, 10 and 1, as for ids (see idParamSchema below).
 */
const wholeNumberParam = lazySchema(() =>
  z
    .union([z.number(), z.string().regex(/^[0-9]{1,10}$/, 'Expected a whole number written in digits')])
    .transform(Number)
    .pipe(z.number().int()),
);

/** `page`, 1-based; `items_per_page`, 100 at most. */
export const pageParamSchema = lazySchema(() =>
  wholeNumberParam.pipe(z.number().min(1).max(1_000_000)).default(1),
);
export const itemsPerPageParamSchema = lazySchema(() =>
  wholeNumberParam.pipe(z.number().min(1).max(100)).default(10),
);

/**
 * A search's text (`q`, `published_by`): any text up to `max`, but for NUL, which no stored text
 * holds and which SQLite's LIKE reads as the pattern's end, so that it matched every record.
 */
export const searchParamSchema = (max: number) =>
  z
    .string()
    .max(max)
    .refine((text) => !text.includes('\u0000'), 'A search cannot contain a NUL character');

export const paginationQuerySchema = lazySchema(() =>
  z.object({
    page: pageParamSchema,
    items_per_page: itemsPerPageParamSchema,
  }),
);
export type PaginationQuery = z.infer<typeof paginationQuerySchema>;

export const paginationSchema = lazySchema(() =>
  z.object({
    total_records: z.number().int().min(0),
    current_page: z.number().int().min(1),
    total_pages: z.number().int().min(0),
  }),
);
export type Pagination = z.infer<typeof paginationSchema>;

export const idSchema = lazySchema(() => z.number().int().positive());
/**
 * An id in a path or query: decimal digits only, as ids are written. `0x7`, `1e1`, `7.0` or ` 7`
 * would otherwise all name agent 7 (and 10), so a typo could open another agent than meant.
 */
export const idParamSchema = lazySchema(() =>
  z
    .union([
      z.number(),
      z.string().regex(/^[1-9][0-9]{0,9}$/, 'Expected an id: a whole number written in digits'),
    ])
    .transform(Number)
    .pipe(z.number().int().positive().max(2_147_483_647)),
);

/** ISO-8601 UTC with microseconds, e.g. 2026-11-28T19:43:15.123456Z. */
export const timestampSchema = lazySchema(() => z.string());

export const ERROR_CODES = [
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'CONFLICT',
  'NOTHING_TO_PUBLISH',
  'STAGING_CHANGED',
  'PRECONDITION_FAILED',
  'VALIDATION_ERROR',
  'PAYLOAD_TOO_LARGE',
  'INTERNAL_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** A count or a limit as messages write it, grouped ("20,000"), the same on every machine. */
export const formatCount = (n: number): string => n.toLocaleString('en');

export const LIMITS = {
  agentName: 200,
  description: 20_000,
  /** 8 MiB of text. */
  prompt: 8 * 1024 * 1024,
  sampleQuestion: 1_000,
  tag: 50,
  tags: 50,
  instruction: 20_000,
  instructions: 200,
  note: 2_000,
  /** A search's text: an agent's name or description, a publish note. */
  search: 200,
  /** A search for a publisher (any part of an e-mail address, or a name). */
  publisherSearch: 320,
  folderUrl: 2_048,
  actionConfigBytes: 64 * 1024,
  /** Levels of objects and arrays inside an action's configuration. */
  actionConfigDepth: 100,
  /** Request bodies over 16 MiB get 413. */
  bodyBytes: 16 * 1024 * 1024,
} as const;
