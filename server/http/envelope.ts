import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode } from '../../contract';

export function ok<T>(c: Context, data: T, message = 'OK', status: ContentfulStatusCode = 200) {
  return c.json({ success: true as const, message, data }, status);
}

export function errorBody(code: ErrorCode, message: string, details?: unknown, data?: unknown) {
  return {
    success: false as const,
    message,
    error: details === undefined ? { code } : { code, details },
    ...(data === undefined ? {} : { data }),
  };
}

export function fail(
  c: Context,
  status: ContentfulStatusCode,
  code: ErrorCode,
  message: string,
  details?: unknown,
  data?: unknown,
) {
  return c.json(errorBody(code, message, details, data), status);
}
