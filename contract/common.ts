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
