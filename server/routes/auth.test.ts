import { describe, expect, it, vi } from 'vitest';
import { authErrorSchema, envelopeSchema, tokenPairSchema, userSchema } from '../../contract';
import { anyString, createHarness, dataOf, errorOf } from '../testing/harness';

const pairOf = async (response: Response) =>
  envelopeSchema(tokenPairSchema).parse(await response.json()).data;

describe('auth service', () => {
  it('signs in with a form-encoded e-mail and password and returns both tokens', async () => {
    const h = createHarness({ accessTokenTtlSeconds: 1800 });
    const response = await h.login('editor@example.com');
    expect(response.status).toBe(200);
    const pair = await pairOf(response);
    expect(pair.token_type).toBe('bearer');
    expect(pair.expires_in).toBe(1800);
    expect(pair.access_token).not.toBe(pair.ejento_access_token);
  });

  it('answers 401 with a detail for a wrong password', async () => {
    const h = createHarness();
    const response = await h.login('editor@example.com', 'not-the-password');
    expect(response.status).toBe(401);
    expect(authErrorSchema.parse(await response.json()).detail).toBe('Incorrect email or password');
  });

  it('refuses a JSON body with 400 because the login is form-encoded', async () => {
    const h = createHarness();
    const response = await h.call('POST', '/auth-service/api/v2/login/access-token', {
      body: { username: 'admin@example.com', password: 'sandbox' },
    });
    expect(response.status).toBe(400);
    expect(authErrorSchema.parse(response.body).detail).toMatch(/form-encoded/);
  });

  it('answers 422 with field details when the form lacks a password', async () => {
    const h = createHarness();
    const response = await h.call('POST', '/auth-service/api/v2/login/access-token', {
      raw: 'username=admin%40example.com',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(response.status).toBe(422);
    expect(authErrorSchema.parse(response.body).detail).toEqual([{ field: 'password', message: anyString }]);
  });

  it('refreshes with the auth-service token and the new platform token works', async () => {
    const h = createHarness();
    const first = await pairOf(await h.login('viewer@example.com'));
    const refreshed = await h.call('POST', '/auth-service/api/v2/users/refresh-access-token', {
      token: first.access_token,
    });
    expect(refreshed.status).toBe(200);
    const pair = dataOf(refreshed, tokenPairSchema);
    expect(pair.ejento_access_token).not.toBe(first.ejento_access_token);
    const me = await h.call('GET', '/api/v2/users/me', { token: pair.ejento_access_token });
    expect(dataOf(me, userSchema).email).toBe('viewer@example.com');
  });

  it('does not accept the platform token for refreshing, nor the auth token on the platform', async () => {
    const h = createHarness();
    const pair = await pairOf(await h.login('viewer@example.com'));
    const refresh = await h.call('POST', '/auth-service/api/v2/users/refresh-access-token', {
      token: pair.ejento_access_token,
    });
    expect(refresh.status).toBe(401);
    expect(authErrorSchema.safeParse(refresh.body).success).toBe(true);
    const platform = await h.call('GET', '/api/v2/users/me', { token: pair.access_token });
    expect(platform.status).toBe(401);
    expect(errorOf(platform).error.code).toBe('UNAUTHORIZED');
  });

  it('accepts the bare token as the whole Authorization header, like Ejento’s sample client', async () => {
    const h = createHarness();
    const token = await h.tokenFor('admin@example.com');
    const response = await h.call('GET', '/api/v2/users/me', { headers: { Authorization: token } });
    expect(dataOf(response, userSchema)).toEqual({
      id: 1,
      email: 'admin@example.com',
      first_name: 'Amara',
      last_name: 'Okafor',
      name: 'Amara Okafor',
      is_staff: true,
      is_superuser: true,
    });
  });

  it('rejects the platform token once its lifetime is over, and the refresh token after its own', async () => {
    let now = Date.parse('2026-11-28T10:00:00Z');
    const h = createHarness({ clock: () => now, accessTokenTtlSeconds: 60, refreshTokenTtlSeconds: 120 });
    const pair = await pairOf(await h.login('editor@example.com'));
    now += 59_000;
    expect((await h.call('GET', '/api/v2/users/me', { token: pair.ejento_access_token })).status).toBe(200);
    now += 2_000;
    const expired = await h.call('GET', '/api/v2/users/me', { token: pair.ejento_access_token });
    expect(expired.status).toBe(401);
    expect(errorOf(expired).error.code).toBe('UNAUTHORIZED');
    const refreshed = await h.call('POST', '/auth-service/api/v2/users/refresh-access-token', {
      token: pair.access_token,
    });
    expect(refreshed.status).toBe(200);
    now += 120_000;
    expect(
      (await h.call('POST', '/auth-service/api/v2/users/refresh-access-token', { token: pair.access_token }))
        .status,
    ).toBe(401);
  });

  it('looks a platform token up once: later calls with it query neither tokens nor users', async () => {
    const h = createHarness();
    const token = await h.tokenFor('reviewer@example.com');
    const tokenLookups = vi.spyOn(h.app.services.repos.tokens, 'findLive');
    const userLookups = vi.spyOn(h.app.services.repos.users, 'findById');
    for (let i = 0; i < 3; i++) {
      const me = await h.call('GET', '/api/v2/users/me', { token });
      expect(dataOf(me, userSchema).email).toBe('reviewer@example.com');
    }
    expect(tokenLookups).toHaveBeenCalledTimes(1);
    expect(userLookups).toHaveBeenCalledTimes(1);
    // An unknown token is never remembered as anyone's.
    for (let i = 0; i < 2; i++) {
      expect((await h.call('GET', '/api/v2/users/me', { token: 'not-a-token' })).status).toBe(401);
    }
    expect(tokenLookups).toHaveBeenCalledTimes(3);
  });

  it('answers 401 to a platform call without any token or with an unknown one', async () => {
    const h = createHarness();
    expect((await h.call('GET', '/api/v2/agents')).status).toBe(401);
    expect((await h.call('GET', '/api/v2/agents', { token: 'made-up' })).status).toBe(401);
    expect((await h.call('GET', '/api/v2/agents', { headers: { Authorization: 'Bearer ' } })).status).toBe(
      401,
    );
  });
});
