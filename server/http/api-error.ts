import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode, ErrorDetail } from '../../contract';

/**
 * Thrown anywhere below a route; `app.onError` turns it into Ejento's error envelope. Services
 * throw it too so that a failed precondition inside a transaction rolls the transaction back.
 */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    readonly data?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const badRequest = (message: string) => new ApiError(400, 'BAD_REQUEST', message);
export const unauthorized = (message = 'Sign in again: your session is missing or has expired') =>
  new ApiError(401, 'UNAUTHORIZED', message);
export const forbidden = (message: string) => new ApiError(403, 'FORBIDDEN', message);
export const notFound = (message: string) => new ApiError(404, 'NOT_FOUND', message);
export const conflict = (message: string) => new ApiError(409, 'CONFLICT', message);
export const validationError = (details: ErrorDetail[], message = 'Some fields are not valid') =>
  new ApiError(422, 'VALIDATION_ERROR', message, details);

/** Errors of the auth service, which answers `{ detail }` like Ejento's. */
export class AuthServiceError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly detail: unknown,
  ) {
    super(typeof detail === 'string' ? detail : 'Auth service error');
    this.name = 'AuthServiceError';
  }
}
