import { z } from 'zod';
import { tokenPairSchema, userSchema } from '@contract';
import { apiGet, apiSend, request } from '../http';

/** `POST /auth-service/api/v2/login/access-token`, form-encoded as the auth service expects. */
export async function login(email: string, password: string, signal?: AbortSignal) {
  return apiSend('POST', '/auth-service/api/v2/login/access-token', tokenPairSchema, {
    form: { username: email.trim(), password },
    auth: 'none',
    signal,
  });
}

export async function fetchMe(signal?: AbortSignal) {
  return apiGet('/api/v2/users/me', userSchema, { signal });
}

/** What `/healthz` may say about the server; every field optional, since a tenant may say nothing. */
const healthSchema = z
  .object({ ok: z.boolean().optional(), mode: z.string().optional() })
  .loose()
  .nullish();

export interface ServerHealth {
  /** 'sandbox' for the bundled Ejento sandbox; null when the server does not say. */
  mode: string | null;
}

export async function fetchHealth(signal?: AbortSignal): Promise<ServerHealth> {
  const { data } = await request('/healthz', { schema: healthSchema, auth: 'none', signal, timeoutMs: 5_000 });
  return { mode: data?.mode ?? null };
}
