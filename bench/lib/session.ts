/** Demo users of the sandbox (seeded by the catalogue seed, which the bench seed runs). */
export const BENCH_USER = 'admin@example.com';
export const BENCH_PASSWORD = 'sandbox';

export interface Tokens {
  ejentoToken: string;
  authToken: string;
}

/** Signs in through the sandbox's auth service, as the sign-in form does. */
export async function signIn(
  baseUrl: string,
  email = BENCH_USER,
  password = BENCH_PASSWORD,
): Promise<Tokens> {
  const response = await fetch(`${baseUrl}/auth-service/api/v2/login/access-token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username: email, password }).toString(),
  });
  if (!response.ok)
    throw new Error(`Sign-in as ${email} failed: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { data: { access_token: string; ejento_access_token: string } };
  return { ejentoToken: body.data.ejento_access_token, authToken: body.data.access_token };
}

/** A script that puts the session where the app keeps it (src/api/session.ts), before the app boots. */
export const sessionScript = (tokens: Tokens) =>
  `try { sessionStorage.setItem('ejento.session', ${JSON.stringify(JSON.stringify(tokens))}); } catch (e) {}`;
