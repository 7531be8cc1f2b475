import { z } from 'zod';

/** Ejento's success envelope: `{ success: true, message, data }`. */
export const envelopeSchema = <T extends z.ZodType>(data: T) =>
  z.object({
    success: z.literal(true),
    message: z.string().optional().default(''),
    data,
  });

export const errorDetailSchema = z.object({ field: z.string(), message: z.string() });
export type ErrorDetail = z.infer<typeof errorDetailSchema>;

/** Ejento's error envelope for platform calls. */
export const errorEnvelopeSchema = z.object({
  success: z.literal(false),
  message: z.string(),
  error: z.object({ code: z.string(), details: z.unknown().optional() }),
  data: z.unknown().optional(),
});
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;

/** Auth-service errors are `{ detail }`. */
export const authErrorSchema = z.object({ detail: z.unknown() });

/*
 * Control characters are invisible on screen and break what reads text later (logs, exports,
 * terminals, other systems' parsers), and NUL ends strings in C. One-line text (names, tags)
 * refuses every C0 control (U+0000–U+001F) and DEL (U+007F); multi-line text (prompts,
 * descriptions, notes) keeps tab, line feed and carriage return.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const ONE_LINE_CONTROL = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex -- as above, less tab (09), line feed (0A) and carriage return (0D)
const MULTI_LINE_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** `text` with each control character replaced by �, to quote text that holds some. */
export const replaceControlCharacters = (text: string): string =>
  text.replace(new RegExp(ONE_LINE_CONTROL.source, 'g'), '\uFFFD');

/** Index of the first control character `text` may not hold, or -1. */
export function controlCharacterIndex(text: string, multiLine: boolean): number {
  return text.search(multiLine ? MULTI_LINE_CONTROL : ONE_LINE_CONTROL);
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
  const rule = multiLine ? 'other than tabs and line breaks' : 'such as tabs or line breaks';
  return `${subject} cannot contain control characters ${rule} (found ${code} ${at})`;
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

export const paginationQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  items_per_page: z.coerce.number().int().min(1).max(100).default(10),
});
export type PaginationQuery = z.infer<typeof paginationQuerySchema>;

export const paginationSchema = z.object({
  total_records: z.number().int().min(0),
  current_page: z.number().int().min(1),
  total_pages: z.number().int().min(0),
});
export type Pagination = z.infer<typeof paginationSchema>;

export const idSchema = z.number().int().positive();
export const idParamSchema = z.coerce.number().int().positive().max(2_147_483_647);

/** ISO-8601 UTC with microseconds, e.g. 2026-11-28T19:43:15.123456Z. */
export const timestampSchema = z.string();

export const ERROR_CODES = [
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'NOTHING_TO_PUBLISH',
  'STAGING_CHANGED',
  'PRECONDITION_FAILED',
  'VALIDATION_ERROR',
  'PAYLOAD_TOO_LARGE',
  'INTERNAL_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

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
  folderUrl: 2_048,
  actionConfigBytes: 64 * 1024,
  /** Request bodies over 16 MiB get 413. */
  bodyBytes: 16 * 1024 * 1024,
} as const;
