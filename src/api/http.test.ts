// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ApiError } from './api-error';
import { apiGet, apiSend, onSessionExpired } from './http';
import { getSession, setSession } from './session';
import { startSessionSharing, stopSessionSharing } from './session-share';

type Handler = (url: string, init: RequestInit) => Response | Promise<Response>;

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function stubFetch(handler: Handler) {
  const calls: { url: string; init: RequestInit }[] = [];
  vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return Promise.resolve(handler(url, init));
  });
  return calls;
}

const header = (init: RequestInit, name: string) => (init.headers as Record<string, string>)[name];

/** The platform token and the refresh token have both expired. */
const refuseBothTokens = () =>
  stubFetch((url) =>
    url.includes('refresh-access-token')
      ? json(401, { detail: 'Refresh token expired' })
      : json(401, { success: false, message: 'Token expired', error: { code: 'UNAUTHORIZED' } }),
  );

/** Refuses the first platform token; the refresh (with the first auth token) gives the second pair. */
const refreshingServer = (whileRefreshing: () => void = () => undefined) =>
  stubFetch((url, init) => {
    if (url.includes('refresh-access-token')) {
      expect(header(init, 'Authorization')).toBe('Bearer auth-1');
      whileRefreshing();
      return json(200, {
        success: true,
        message: '',
        data: {
          access_token: 'auth-2',
          ejento_access_token: 'platform-2',
          token_type: 'bearer',
          expires_in: 60,
        },
      });
    }
    return header(init, 'Authorization') === 'Bearer platform-2'
      ? json(200, { success: true, message: '', data: 'fresh' })
      : json(401, { success: false, message: 'Token expired', error: { code: 'UNAUTHORIZED' } });
  });

describe('the http helper', () => {
  beforeEach(() => setSession({ ejentoToken: 'platform-1', authToken: 'auth-1' }));
  afterEach(() => {
    vi.unstubAllGlobals();
    onSessionExpired(null);
    setSession(null);
  });

  it('sends the platform token and returns the parsed data of the envelope', async () => {
    const calls = stubFetch(() => json(200, { success: true, message: 'ok', data: { n: 3 } }));
    const data = await apiGet('/api/v2/thing', z.object({ n: z.number() }), { query: { page: 2, q: '' } });
    expect(data).toEqual({ n: 3 });
    expect(calls[0]!.url).toBe('/api/v2/thing?page=2');
    expect(header(calls[0]!.init, 'Authorization')).toBe('Bearer platform-1');
  });

  it('keeps every answer, and the token refresh, out of the browser cache: an answer is for one user', async () => {
    const calls = stubFetch((url) =>
      url.includes('refresh-access-token')
        ? json(200, {
            data: {
              access_token: 'auth-2',
              ejento_access_token: 'platform-2',
              token_type: 'bearer',
              expires_in: 60,
            },
          })
        : calls.length === 1
          ? json(401, { success: false, message: 'Token expired', error: { code: 'UNAUTHORIZED' } })
          : json(200, { success: true, message: 'ok', data: {} }),
    );
    await apiGet('/api/v2/agents/1/permissions/me', z.object({}));
    await apiSend('PUT', '/api/v2/agents/1', z.object({}), { body: { agent_name: 'x' } });
    expect(calls.map((c) => c.url)).toEqual([
      '/api/v2/agents/1/permissions/me',
      '/auth-service/api/v2/users/refresh-access-token',
      '/api/v2/agents/1/permissions/me',
      '/api/v2/agents/1',
    ]);
    expect(calls.map((c) => c.init.cache)).toEqual(['no-store', 'no-store', 'no-store', 'no-store']);
  });

  it('sends If-Match with the quoted revision', async () => {
    const calls = stubFetch(() => json(200, { success: true, message: '', data: {} }));
    await apiSend('PUT', '/api/v2/agents/1', z.object({}), { body: { agent_name: 'x' }, ifMatch: 7 });
    expect(header(calls[0]!.init, 'If-Match')).toBe('"7"');
    expect(calls[0]!.init.body).toBe('{"agent_name":"x"}');
  });

  it('turns an error envelope into an ApiError with code, message and field details', async () => {
    stubFetch(() =>
      json(422, {
        success: false,
        message: 'The name cannot be empty',
        error: {
          code: 'VALIDATION_ERROR',
          details: [{ field: 'agent_name', message: 'The name cannot be empty' }],
        },
      }),
    );
    const error = await apiGet('/api/v2/x', z.unknown()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(422);
    expect(apiError.code).toBe('VALIDATION_ERROR');
    expect(apiError.fieldErrors).toEqual([{ field: 'agent_name', message: 'The name cannot be empty' }]);
  });

  it('says in plain words that the server ran into a problem when a 5xx brings no message of its own', async () => {
    const page = '<html><body><h1>500 Internal Server Error</h1></body></html>';
    for (const status of [500, 502, 504]) {
      for (const body of [page, '']) {
        stubFetch(() => new Response(body, { status, headers: { 'Content-Type': 'text/html' } }));
        const error = (await apiSend('PUT', '/api/v2/agents/16', z.unknown(), { body: {} }).catch(
          (e: unknown) => e,
        )) as ApiError;
        expect(error.status).toBe(status);
        expect(error.code).toBe('SERVER_ERROR');
        expect(error.message).toBe('The server ran into a problem. Try again in a moment.');
      }
    }
    stubFetch(() => new Response(page, { status: 503 }));
    const unavailable = (await apiGet('/api/v2/agents/16', z.unknown()).catch((e: unknown) => e)) as ApiError;
    expect(unavailable.message).toBe('The server is unavailable for now. Try again in a moment.');
  });

  it('asks to wait a moment after a 429 with no message of its own, without the API path', async () => {
    stubFetch(() => new Response('', { status: 429 }));
    const error = (await apiGet('/api/v2/agents/16', z.unknown()).catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(429);
    expect(error.message).toBe('Too many requests for now. Wait a moment, then try again.');
  });

  it('never shows the API path or the status for another answer with no message of its own', async () => {
    stubFetch(() => new Response('Bad Request', { status: 400 }));
    const error = (await apiGet('/api/v2/agents/16', z.unknown()).catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(400);
    expect(error.message).not.toMatch(/\/api\/|400/);
  });

  it('keeps the server’s own message when a 500 or a 429 brings one', async () => {
    for (const status of [500, 429]) {
      stubFetch(() =>
        json(status, { success: false, message: 'Database unavailable', error: { code: 'INTERNAL_ERROR' } }),
      );
      const error = (await apiGet('/api/v2/x', z.unknown()).catch((e: unknown) => e)) as ApiError;
      expect(error.message).toBe('Database unavailable');
      expect(error.code).toBe('INTERNAL_ERROR');
    }
  });

  it('keeps the words of a gateway in front of the tenant, which answers { statusCode, message }', async () => {
    const refusal = 'Access denied due to invalid subscription key. Make sure to provide a valid key.';
    stubFetch(() => json(403, { statusCode: 403, message: refusal }));
    const error = (await apiGet('/api/v2/x', z.unknown()).catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(403);
    expect(error.message).toBe(refusal);
  });

  it('keeps its own sentences for a gateway’s 5xx, and for a body with a message that is not the gateway’s', async () => {
    stubFetch(() => json(500, { statusCode: 500, message: 'Internal server error' }));
    const failed = (await apiGet('/api/v2/x', z.unknown()).catch((e: unknown) => e)) as ApiError;
    expect(failed.message).toBe('The server ran into a problem. Try again in a moment.');
    stubFetch(() => json(413, { message: 'Request Entity Too Large' }));
    const large = (await apiGet('/api/v2/x', z.unknown()).catch((e: unknown) => e)) as ApiError;
    expect(large.message).toBe('That is too large to save.');
  });

  it('fails loudly with the path and the field when a body breaks the contract', async () => {
    stubFetch(() => json(200, { success: true, message: '', data: { n: 'three' } }));
    const error = (await apiGet('/api/v2/thing', z.object({ n: z.number() })).catch(
      (e: unknown) => e,
    )) as ApiError;
    expect(error.code).toBe('CONTRACT_MISMATCH');
    expect(error.message).toContain('/api/v2/thing');
    expect(error.message).toContain('"data.n"');
  });

  it('refreshes once on a 401 and retries with the new token', async () => {
    const calls = refreshingServer();
    await expect(apiGet('/api/v2/me', z.string())).resolves.toBe('fresh');
    expect(calls).toHaveLength(3);
    expect(getSession()).toEqual({ ejentoToken: 'platform-2', authToken: 'auth-2' });
  });

  it('keeps the sign-in a session comes from through a refresh (a sign-out in another tab finds it)', async () => {
    setSession({ ejentoToken: 'platform-1', authToken: 'auth-1', family: 'sign-in-7' });
    refreshingServer();
    await expect(apiGet('/api/v2/me', z.string())).resolves.toBe('fresh');
    expect(getSession()).toEqual({ ejentoToken: 'platform-2', authToken: 'auth-2', family: 'sign-in-7' });
  });

  it('a refresh that lands after a sign-out signs nobody in again', async () => {
    setSession({ ejentoToken: 'platform-1', authToken: 'auth-1', family: 'sign-in-7' });
    // Another tab signs out while this refresh is on its way.
    const calls = refreshingServer(() => setSession(null));
    await expect(apiGet('/api/v2/me', z.string())).rejects.toBeInstanceOf(ApiError);
    expect(getSession()).toBeNull();
    expect(calls.filter((c) => header(c.init, 'Authorization') === 'Bearer platform-2')).toEqual([]);
  });

  it('renews nothing when the tab’s tokens were renewed after the refused request left: it retries with them', async () => {
    setSession({ ejentoToken: 'platform-1', authToken: 'auth-1', family: 'sign-in-7' });
    const calls = stubFetch((url, init) => {
      if (url.includes('refresh-access-token')) throw new Error('no refresh expected');
      if (header(init, 'Authorization') === 'Bearer platform-2')
        return json(200, { success: true, message: '', data: 'fresh' });
      // Another tab's refresh renews this sign-in while the request is on its way.
      setSession({ ejentoToken: 'platform-2', authToken: 'auth-2', family: 'sign-in-7' });
      return json(401, { success: false, message: 'Token expired', error: { code: 'UNAUTHORIZED' } });
    });
    await expect(apiGet('/api/v2/me', z.string())).resolves.toBe('fresh');
    expect(calls.map((c) => header(c.init, 'Authorization'))).toEqual([
      'Bearer platform-1',
      'Bearer platform-2',
    ]);
  });

  it('a refresh refused because another tab renewed the tokens first goes on with that tab’s, signed in', async () => {
    const expired = vi.fn();
    onSessionExpired(expired);
    setSession({ ejentoToken: 'platform-1', authToken: 'auth-1', family: 'sign-in-7' });
    stubFetch((url, init) => {
      if (url.includes('refresh-access-token')) {
        // A tenant that ends the tokens a refresh replaces: the other tab renewed first, and its
        // new tokens reach this tab while this refusal is on its way.
        setSession({ ejentoToken: 'platform-2', authToken: 'auth-2', family: 'sign-in-7' });
        return json(401, { detail: 'Token has been revoked' });
      }
      return header(init, 'Authorization') === 'Bearer platform-2'
        ? json(200, { success: true, message: '', data: 'fresh' })
        : json(401, { success: false, message: 'Token expired', error: { code: 'UNAUTHORIZED' } });
    });
    await expect(apiGet('/api/v2/me', z.string())).resolves.toBe('fresh');
    expect(expired).not.toHaveBeenCalled();
    expect(getSession()?.ejentoToken).toBe('platform-2');
  });

  it('waits for another tab’s renewal still on its way when its own refresh is refused', async () => {
    const expired = vi.fn();
    onSessionExpired(expired);
    startSessionSharing(
      () => ({
        postMessage: () => undefined,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        close: () => undefined,
      }),
      null,
    );
    setSession({ ejentoToken: 'platform-1', authToken: 'auth-1', family: 'sign-in-7' });
    stubFetch((url, init) => {
      if (url.includes('refresh-access-token')) {
        // The other tab's new tokens arrive a moment after this refusal.
        setTimeout(
          () => setSession({ ejentoToken: 'platform-2', authToken: 'auth-2', family: 'sign-in-7' }),
          30,
        );
        return json(401, { detail: 'Token has been revoked' });
      }
      return header(init, 'Authorization') === 'Bearer platform-2'
        ? json(200, { success: true, message: '', data: 'fresh' })
        : json(401, { success: false, message: 'Token expired', error: { code: 'UNAUTHORIZED' } });
    });
    try {
      await expect(apiGet('/api/v2/me', z.string())).resolves.toBe('fresh');
      expect(expired).not.toHaveBeenCalled();
    } finally {
      stopSessionSharing();
    }
  });

  it('signs out and tells the app once when the refresh fails too', async () => {
    const expired = vi.fn();
    onSessionExpired(expired);
    refuseBothTokens();
    const error = (await apiGet('/api/v2/me', z.string()).catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(401);
    expect(expired).toHaveBeenCalledTimes(1);
    expect(getSession()).toBeNull();
  });

  it('fails a warm-up quietly when the refresh fails: the session stays, for a request someone waits for', async () => {
    const expired = vi.fn();
    onSessionExpired(expired);
    refuseBothTokens();
    const error = (await apiGet('/api/v2/me', z.string(), { background: true }).catch(
      (e: unknown) => e,
    )) as ApiError;
    expect(error.status).toBe(401);
    expect(expired).not.toHaveBeenCalled();
    expect(getSession()).toEqual({ ejentoToken: 'platform-1', authToken: 'auth-1' });
  });

  it('keeps the session when the refresh gets no answer (the auth service down), and says to try again', async () => {
    const expired = vi.fn();
    onSessionExpired(expired);
    for (const refreshAnswer of [
      () => Promise.reject(new TypeError('Failed to fetch')),
      () => json(503, {}),
    ]) {
      stubFetch((url) =>
        url.includes('refresh-access-token')
          ? refreshAnswer()
          : json(401, { success: false, message: 'Token expired', error: { code: 'UNAUTHORIZED' } }),
      );
      const error = (await apiGet('/api/v2/me', z.string()).catch((e: unknown) => e)) as ApiError;
      expect(error.code).toBe('SESSION_NOT_RENEWED');
      expect(error.status).toBe(503);
      expect(error.message).toContain('could not renew it just now. Try again in a moment.');
    }
    expect(expired).not.toHaveBeenCalled();
    expect(getSession()).toEqual({ ejentoToken: 'platform-1', authToken: 'auth-1' });
  });

  it('gives up on a refresh that never answers, so the requests waiting on it do not hang', async () => {
    vi.useFakeTimers();
    // Node's own AbortSignal.timeout runs on timers the fake clock does not drive.
    vi.spyOn(AbortSignal, 'timeout').mockImplementation((ms) => {
      const controller = new AbortController();
      setTimeout(() => controller.abort(new DOMException('Timed out', 'TimeoutError')), ms);
      return controller.signal;
    });
    try {
      stubFetch((url, init) =>
        url.includes('refresh-access-token')
          ? new Promise<Response>((_, reject) =>
              init.signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError'))),
            )
          : json(401, { success: false, message: 'Token expired', error: { code: 'UNAUTHORIZED' } }),
      );
      const save = apiSend('PUT', '/api/v2/agents/3', z.unknown(), { body: {} }).catch((e: unknown) => e);
      await vi.advanceTimersByTimeAsync(31_000);
      const error = (await save) as ApiError;
      expect(error.code).toBe('SESSION_NOT_RENEWED');
      expect(getSession()).toEqual({ ejentoToken: 'platform-1', authToken: 'auth-1' });
    } finally {
      vi.useRealTimers();
      vi.restoreAllMocks();
    }
  });

  it('reports a network failure as status 0 with a sentence that says nothing was lost', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    const error = (await apiGet('/api/v2/x', z.unknown()).catch((e: unknown) => e)) as ApiError;
    expect(error.isNetwork).toBe(true);
    expect(error.code).toBe('NETWORK_ERROR');
  });
});
