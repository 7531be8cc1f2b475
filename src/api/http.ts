import { z } from 'zod';
import { errorEnvelopeSchema, tokenPairSchema } from '@contract';
import { ApiError } from './api-error';
import { earlyAnswer, takeEarlyRead } from './early-reads';
import { getSession, isRenewalOf, sessionFromTokens, setSession, type Session } from './session';
import { inRefreshTurn, renewalFromOtherTab } from './session-share';

/**
 * The one caller of `fetch`. Adds the bearer token, parses the envelope with the contract's
 * schema, turns every failure into an `ApiError`, and on a 401 refreshes the session once and
 * retries. Callers pass the schema of `data`; a body that breaks the contract fails here, loudly,
 * with the path and the field.
 */

export const API_BASE = (import.meta.env.VITE_API_BASE as string | undefined) ?? '';
const DEFAULT_TIMEOUT_MS = 30_000;

type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions<S extends z.ZodType> {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  /** JSON body. */
  body?: unknown;
  /** Form-encoded body (auth service). */
  form?: Record<string, string>;
  /** Schema of the envelope's `data`. */
  schema: S;
  signal?: AbortSignal;
  /** Staging revision the caller's form was loaded from: sent as `If-Match`. */
  ifMatch?: number;
  /** Auth-service calls carry the auth token, not the platform token, and never refresh. */
  auth?: 'platform' | 'auth-service' | 'none';
  timeoutMs?: number;
  /**
   * A warm-up nobody waits for (data fetched ahead of a click): a 401 that survives the refresh
   * fails it quietly instead of ending the session. The next request someone waits for does
   * that, so the console never leaves for sign-in while the person is merely pausing.
   */
  background?: boolean;
}

/** The query `meta` of a warm-up; its queryFn passes `isBackground(meta)` to the fetcher. */
export const BACKGROUND_META = { background: true } as const;
export const isBackground = (meta: Record<string, unknown> | undefined): boolean => meta?.background === true;

export interface ApiResponse<T> {
  data: T;
  status: number;
  headers: Headers;
}

let sessionExpiredHandler: (() => void) | null = null;
/** Called once when a 401 survives the refresh: the app sends the user to sign in. */
export function onSessionExpired(handler: (() => void) | null): void {
  sessionExpiredHandler = handler;
}

function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function toApiError(status: number, body: unknown): ApiError {
  const parsed = errorEnvelopeSchema.safeParse(body);
  if (parsed.success) {
    return new ApiError({
      status,
      code: parsed.data.error.code,
      message: parsed.data.message,
      details: parsed.data.error.details,
      data: parsed.data.data,
    });
  }
  if (body && typeof body === 'object' && 'detail' in body) {
    const detail = body.detail;
    return new ApiError({
      status,
      code: status === 401 ? 'UNAUTHORIZED' : 'AUTH_ERROR',
      message: typeof detail === 'string' ? detail : 'The sign-in service refused the request.',
      details: detail,
    });
  }
  // An API gateway in front of the tenant answers in its own shape: Azure API Management, which
  // checks the subscription key, sends `{ statusCode, message }`. Its words (a refused key, a spent
  // quota) are the only clue to what went wrong; a stand-in would call a refused key a wrong password.
  // Its 5xx words ("Internal server error") say less than the sentence below.
  if (
    status < 500 &&
    body &&
    typeof body === 'object' &&
    'statusCode' in body &&
    typeof body.statusCode === 'number' &&
    'message' in body &&
    typeof body.message === 'string' &&
    body.message
  ) {
    return new ApiError({
      status,
      code: status === 401 ? 'UNAUTHORIZED' : 'GATEWAY_ERROR',
      message: body.message,
      details: body,
    });
  }
  const fallback: Record<number, string> = {
    401: 'Your session has expired. Sign in again.',
    403: 'You are not allowed to do this.',
    404: 'Not found.',
    413: 'That is too large to save.',
    429: 'Too many requests for now. Wait a moment, then try again.',
    503: 'The server is unavailable for now. Try again in a moment.',
  };
  // No message of the server's own (an HTML error page, an empty body): a sentence for people,
  // never a status code or an API path.
  const message =
    fallback[status] ??
    (status >= 500
      ? 'The server ran into a problem. Try again in a moment.'
      : 'The server refused this request. Reload the page, then try again.');
  return new ApiError({
    status,
    code: status >= 500 ? 'SERVER_ERROR' : 'HTTP_ERROR',
    message,
    details: body,
  });
}

/**
 * What a refresh came to: new tokens; the auth service refusing the session (it has ended); or
 * no answer to go by (the service down, slow or out of reach), which ends nothing.
 */
export type RefreshOutcome = 'refreshed' | 'refused' | 'unanswered';

let refreshing: Promise<RefreshOutcome> | null = null;

/**
 * Whether this tab now holds other tokens of the same sign-in than `session`: renewed meanwhile,
 * by another tab's refresh (session-share.ts) or an earlier one of this tab's.
 */
const renewedSince = (session: Session): boolean => isRenewalOf(getSession(), session);

/**
 * One refresh at a time, whoever asks, and in turn with the other tabs'. `sentWith` is the session
 * the refused request went with: when the tab's tokens have been renewed since, they serve, and
 * nothing is renewed again (a tenant may end the tokens a refresh replaces).
 */
export function refreshSession(sentWith: Session | null = getSession()): Promise<RefreshOutcome> {
  if (sentWith && renewedSince(sentWith)) return Promise.resolve('refreshed');
  refreshing ??= inRefreshTurn(async (): Promise<RefreshOutcome> => {
    if (sentWith && renewedSince(sentWith)) return 'refreshed';
    const session = getSession();
    if (!session) return 'refused';
    try {
      const res = await fetch(buildUrl('/auth-service/api/v2/users/refresh-access-token'), {
        method: 'POST',
        headers: { Authorization: `Bearer ${session.authToken}`, Accept: 'application/json' },
        cache: 'no-store',
        // Every request that met a 401 waits on this one: left hanging, they would all hang with it.
        signal: AbortSignal.timeout(DEFAULT_TIMEOUT_MS),
      });
      if (!res.ok) {
        if (res.status >= 500 || res.status === 429) return 'unanswered';
        // Refused, as a tenant refuses tokens another tab's refresh replaced just now: that
        // tab's new ones have reached this tab meanwhile, or are on their way.
        return (await renewalFromOtherTab(session)) ? 'refreshed' : 'refused';
      }
      const body = (await readJson(res)) as { data?: unknown };
      const pair = tokenPairSchema.safeParse(body?.data);
      if (!pair.success) return 'refused';
      if (getSession()?.authToken !== session.authToken) {
        // Renewed by another tab while this refresh was on its way: those tokens serve. Signed
        // out (here or in another tab): it signs nobody in.
        return renewedSince(session) ? 'refreshed' : 'refused';
      }
      setSession(sessionFromTokens(pair.data, session.family));
      return 'refreshed';
    } catch {
      return 'unanswered';
    }
  }).finally(() => {
    refreshing = null;
  });
  return refreshing;
}

async function send<S extends z.ZodType>(
  path: string,
  opts: RequestOptions<S>,
): Promise<ApiResponse<z.infer<S>>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const session = getSession();
  const auth = opts.auth ?? 'platform';
  if (auth === 'platform' && session) headers.Authorization = `Bearer ${session.ejentoToken}`;
  if (auth === 'auth-service' && session) headers.Authorization = `Bearer ${session.authToken}`;
  let body: BodyInit | undefined;
  if (opts.form) {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(opts.form).toString();
  } else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  if (opts.ifMatch !== undefined) headers['If-Match'] = `"${opts.ifMatch}"`;

  const timeout = AbortSignal.timeout(opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
  let res: Response;
  try {
    // Never from or into the browser's cache: an answer is for one user. A page loaded by Back
    // may otherwise be given the answers cached for whoever was signed in before (their
    // permissions, so their buttons), whatever the server says about caching.
    const url = buildUrl(path, opts.query);
    // A read the page started before this code ran (early-reads.ts) is taken, not sent again.
    const early =
      (opts.method ?? 'GET') === 'GET' && auth === 'platform' && opts.ifMatch === undefined
        ? takeEarlyRead(url, session?.ejentoToken)
        : null;
    res =
      (early && (await earlyAnswer(early, signal))) ??
      (await fetch(url, { method: opts.method ?? 'GET', headers, body, signal, cache: 'no-store' }));
  } catch (e) {
    if (opts.signal?.aborted) throw e;
    const timedOut = timeout.aborted;
    throw new ApiError({
      status: 0,
      code: timedOut ? 'TIMEOUT' : 'NETWORK_ERROR',
      message: timedOut
        ? 'The server took too long to answer. Nothing you typed was lost; try again.'
        : 'The server could not be reached. Check your connection and try again.',
    });
  }
  const json = await readJson(res);
  if (!res.ok) throw toApiError(res.status, json);

  const envelope = z.object({ data: opts.schema }).safeParse(json);
  if (!envelope.success) {
    const issue = envelope.error.issues[0];
    const field = issue ? issue.path.join('.') : '(body)';
    throw new ApiError({
      status: res.status,
      code: 'CONTRACT_MISMATCH',
      message: `The server's answer to ${opts.method ?? 'GET'} ${path} does not match the contract at "${field}": ${issue?.message ?? 'unexpected shape'}.`,
      details: envelope.error.issues,
    });
  }
  const data = (envelope.data as { data: z.infer<S> }).data;
  return { data, status: res.status, headers: res.headers };
}

export async function request<S extends z.ZodType>(
  path: string,
  opts: RequestOptions<S>,
): Promise<ApiResponse<z.infer<S>>> {
  const sentWith = getSession();
  try {
    return await send(path, opts);
  } catch (e) {
    const auth = opts.auth ?? 'platform';
    if (!(e instanceof ApiError) || e.status !== 401 || auth !== 'platform' || !getSession()) throw e;
    const refresh = await refreshSession(sentWith);
    if (refresh === 'unanswered') {
      // The session may well be good: the service that renews it did not answer. Signing out
      // would send the person to a sign-in that fails the same way; the action can be tried again.
      throw new ApiError({
        status: 503,
        code: 'SESSION_NOT_RENEWED',
        message:
          'Your session needed renewing, and the server could not renew it just now. Try again in a moment.',
      });
    }
    if (refresh === 'refreshed') {
      try {
        return await send(path, opts);
      } catch (retryError) {
        if (!(retryError instanceof ApiError) || retryError.status !== 401) throw retryError;
      }
    }
    if (opts.background) throw e;
    setSession(null);
    sessionExpiredHandler?.();
    throw e;
  }
}

/** The common case: just the data. */
export async function apiGet<S extends z.ZodType>(
  path: string,
  schema: S,
  opts: Omit<RequestOptions<S>, 'schema' | 'method'> = {},
): Promise<z.infer<S>> {
  return (await request(path, { ...opts, schema })).data;
}

export async function apiSend<S extends z.ZodType>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  schema: S,
  opts: Omit<RequestOptions<S>, 'schema' | 'method'> = {},
): Promise<z.infer<S>> {
  return (await request(path, { ...opts, method, schema })).data;
}

/**
 * A bare JSON document outside the envelope, such as `/healthz`: no token, no refresh, the whole
 * body parsed with `schema`.
 */
export async function getBareJson<S extends z.ZodType>(
  path: string,
  schema: S,
  opts: { signal?: AbortSignal; timeoutMs?: number } = {},
): Promise<z.infer<S>> {
  const timeout = AbortSignal.timeout(opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
  let res: Response;
  try {
    res = await fetch(buildUrl(path), { headers: { Accept: 'application/json' }, signal });
  } catch (e) {
    if (opts.signal?.aborted) throw e;
    throw new ApiError({ status: 0, code: 'NETWORK_ERROR', message: 'The server could not be reached.' });
  }
  const json = await readJson(res);
  if (!res.ok) throw toApiError(res.status, json);
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new ApiError({
      status: res.status,
      code: 'CONTRACT_MISMATCH',
      message: `The server's answer to GET ${path} is not what was expected.`,
      details: parsed.error.issues,
    });
  }
  return parsed.data;
}
