import type { ErrorDetail } from '@contract';

/** Every non-2xx answer, and every body that breaks the contract, becomes one of these. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  readonly data: unknown;

  constructor(init: { status: number; code: string; message: string; details?: unknown; data?: unknown }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.details = init.details;
    this.data = init.data;
  }

  /** The 422 field list, when the server sent one. */
  get fieldErrors(): ErrorDetail[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.filter(
      (d): d is ErrorDetail =>
        typeof d === 'object' && d !== null && typeof (d as ErrorDetail).field === 'string',
    );
  }

  /** True when the request never got an answer (offline, dropped, timed out). */
  get isNetwork(): boolean {
    return this.status === 0;
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

/**
 * No answer that says what happened to a change: the connection dropped or timed out, or a
 * gateway gave up waiting. The server may well have made it.
 */
export const isLostAnswer = (e: unknown): e is ApiError => isApiError(e) && [0, 502, 504].includes(e.status);

/** A sentence for people, whatever was thrown. */
export function errorMessage(e: unknown): string {
  if (isApiError(e)) return e.message;
  if (e instanceof Error) return e.message;
  return 'Something went wrong.';
}
