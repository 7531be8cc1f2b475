import { Hono, type Context } from 'hono';
import { loginFormSchema } from '../../contract';
import { AuthServiceError } from '../http/api-error';
import { bearerToken, type AppEnv } from '../http/auth';
import { ok } from '../http/envelope';
import { headerCount, requestHeader } from '../http/request-header';
import { issueDetails } from '../http/validation';
import type { Services } from '../services';

async function formBody(c: Context): Promise<Record<string, unknown>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)) {
    throw new AuthServiceError(
      400,
      'Send username and password form-encoded (application/x-www-form-urlencoded)',
    );
  }
  try {
    return await c.req.parseBody();
  } catch {
    throw new AuthServiceError(400, 'The form body could not be read');
  }
}

/** The auth service: its errors are `{ detail }`, not the platform envelope. */
export function authRoutes(services: Services) {
  const app = new Hono<AppEnv>();

  app.post('/login/access-token', async (c) => {
    const form = await formBody(c);
    const parsed = loginFormSchema.safeParse(form);
    if (!parsed.success) throw new AuthServiceError(422, issueDetails(parsed.error.issues));
    return ok(c, services.auth.login(parsed.data.username, parsed.data.password), 'Signed in');
  });

  app.post('/users/refresh-access-token', (c) => {
    // As on the platform: which of two tokens would count is a guess (see requireUser).
    if (headerCount(c, 'authorization') > 1) throw new AuthServiceError(400, 'Send one Authorization header');
    return ok(c, services.auth.refresh(bearerToken(requestHeader(c, 'authorization'))), 'Token refreshed');
  });

  return app;
}
