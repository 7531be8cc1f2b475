import { z } from 'zod';
import { tokenPairSchema, userSchema } from '@contract';
import { apiGet, apiSend, getBareJson } from '../http';

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

/**
 * What `/healthz` may say about the server. Every field is optional: a tenant may say nothing,
 * and the sandbox may say it bare or inside the usual envelope.
 */
const healthSchema = z
  .object({
    mode: z.string().optional(),
    data: z.object({ mode: z.string().optional() }).loose().nullish(),
  })
  .loose()
  .nullable();

export interface ServerHealth {
  /** 'sandbox' for the bundled Ejento sandbox; null when the server does not say. */
  mode: string | null;
}

export async function fetchHealth(signal?: AbortSignal): Promise<ServerHealth> {
  const body = await getBareJson('/healthz', healthSchema, { signal, timeoutMs: 5_000 });
  return { mode: body?.mode ?? body?.data?.mode ?? null };
}
