import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentDetailWireSchema, agentListWireSchema, envelopeSchema, tokenPairSchema } from '../contract';
import { createApp } from './app';
import { openDatabase } from './db/database';
import { createTenantProxy } from './proxy';
import { seedCatalogue } from './seed/catalogue';

const KEY = 'tenant-subscription-key-7f3a';

/** A sandbox standing in for a real tenant, recording the headers each request arrives with. */
let tenant: ServerType;
let tenantUrl: string;
const received: Headers[] = [];
let tenantApi: ReturnType<typeof createApp>;

beforeAll(async () => {
  const db = openDatabase(':memory:');
  seedCatalogue(db);
  tenantApi = createApp({ db });
  const front = new Hono();
  front.use('*', async (c, next) => {
    received.push(new Headers(c.req.raw.headers));
    await next();
    // A careless tenant that echoes the key: the proxy must not pass it on.
    c.res.headers.set('X-Echoed-Key', c.req.header('Ocp-Apim-Subscription-Key') ?? '');
    // A tenant with a looser policy of its own: the console's must stay the one that applies.
    c.res.headers.set('Content-Security-Policy', 'default-src *');
    c.res.headers.set('Referrer-Policy', 'unsafe-url');
  });
  front.all('*', (c) => tenantApi.fetch(c.req.raw));
  await new Promise<void>((resolve) => {
    tenant = serve({ fetch: front.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
  });
  tenantUrl = `http://127.0.0.1:${(tenant.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => tenant.close(() => resolve()));
});

const proxy = () => createTenantProxy({ baseUrl: `${tenantUrl}/`, apiKey: KEY });

async function signIn(app: Hono) {
  const response = await app.request('/auth-service/api/v2/login/access-token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'username=admin%40example.com&password=sandbox',
  });
  return { response, text: await response.text() };
}

/** Signs in through `app` and creates an agent named `name` there: the auth header and its path. */
async function agentThrough(app: Hono, name: string) {
  const token = envelopeSchema(tokenPairSchema).parse(JSON.parse((await signIn(app)).text)).data
    .ejento_access_token;
  const auth = { Authorization: `Bearer ${token}` };
  const created = await app.request('/api/v2/agents', {
    method: 'POST',
    headers: { ...auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({ agent_name: name, project_id: 101 }),
  });
  return { auth, created };
}

describe('tenant proxy', () => {
  it('forwards a form-encoded sign-in and adds the subscription key, which never comes back', async () => {
    received.length = 0;
    const { response, text } = await signIn(proxy());
    expect(response.status).toBe(200);
    expect(envelopeSchema(tokenPairSchema).parse(JSON.parse(text)).data.token_type).toBe('bearer');
    expect(received.at(-1)?.get('ocp-apim-subscription-key')).toBe(KEY);
    expect(text).not.toContain(KEY);
    expect([...response.headers.values()].join(' ')).not.toContain(KEY);
    expect(response.headers.get('x-echoed-key')).toBeNull();
    expect(response.headers.get('content-security-policy')).toBeNull();
    expect(response.headers.get('referrer-policy')).toBeNull();
  });

  it('passes method, query, JSON body and Authorization through, and the status back', async () => {
    const app = proxy();
    const { auth, created } = await agentThrough(app, 'Proxied agent');
    expect(created.status).toBe(201);
    const agent = envelopeSchema(agentDetailWireSchema).parse(await created.json()).data;
    expect(received.at(-1)?.get('authorization')).toBe(auth.Authorization);

    const list = await app.request('/api/v2/agents?q=Proxied&items_per_page=1', { headers: auth });
    expect(
      envelopeSchema(agentListWireSchema)
        .parse(await list.json())
        .data.agents.map((a) => a.id),
    ).toEqual([agent.id]);

    const missing = await app.request('/api/v2/agents/9999', { headers: auth });
    expect(missing.status).toBe(404);
    const anonymous = await app.request('/api/v2/agents');
    expect(anonymous.status).toBe(401);
  });

  it('gzips a JSON answer for a browser that takes gzip, and sends small ones and others as they are', async () => {
    const app = proxy();
    const { auth, created } = await agentThrough(app, 'Compressed agent');
    const path = `/api/v2/agents/${envelopeSchema(agentDetailWireSchema).parse(await created.json()).data.id}`;

    const gzipped = await app.request(path, { headers: { ...auth, 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(gzipped.status).toBe(200);
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    expect(gzipped.headers.get('vary')).toMatch(/accept-encoding/i);
    // Another representation of the answer: a weak tag of the same revision.
    expect(gzipped.headers.get('etag')).toMatch(/^W\/"\d+"$/);
    const bytes = Buffer.from(await gzipped.arrayBuffer());
    const text = gunzipSync(bytes).toString('utf8');
    expect(bytes.length).toBeLessThan(text.length);
    expect(envelopeSchema(agentDetailWireSchema).parse(JSON.parse(text)).data.agent_name).toBe(
      'Compressed agent',
    );

    const plain = await app.request(path, { headers: auth });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(`W/${plain.headers.get('etag')}`).toBe(gzipped.headers.get('etag'));
    expect(JSON.parse(await plain.text())).toEqual(JSON.parse(text));
    const refused = await app.request(path, { headers: { ...auth, 'Accept-Encoding': 'gzip;q=0, br' } });
    expect(refused.headers.get('content-encoding')).toBeNull();

    // An error answer: as it is (read whole, for the key to be taken out).
    const missing = await app.request('/api/v2/agents/9999', {
      headers: { ...auth, 'Accept-Encoding': 'gzip' },
    });
    expect(missing.headers.get('content-encoding')).toBeNull();
    expect(missing.status).toBe(404);
  });

  it('takes the key out of an error answer that quotes the request', async () => {
    const echoing = createTenantProxy({
      baseUrl: 'https://tenant.example',
      apiKey: KEY,
      fetch: (_, init) =>
        Promise.resolve(
          Response.json(
            { detail: 'Refused', headers: Object.fromEntries(new Headers(init?.headers).entries()) },
            { status: 401 },
          ),
        ),
    });
    const response = await echoing.request('/api/v2/users/me');
    expect(response.status).toBe(401);
    const text = await response.text();
    expect(text).not.toContain(KEY);
    expect(JSON.parse(text)).toMatchObject({ headers: { 'ocp-apim-subscription-key': '[redacted]' } });
  });

  it('replaces a subscription key sent by the browser with the server’s own', async () => {
    received.length = 0;
    await proxy().request('/api/v2/agents', { headers: { 'Ocp-Apim-Subscription-Key': 'from-the-browser' } });
    expect(received.at(-1)?.get('ocp-apim-subscription-key')).toBe(KEY);
  });

  it('does not forward paths outside the API', async () => {
    received.length = 0;
    const response = await proxy().request('/healthz');
    expect(response.status).toBe(404);
    expect(received).toHaveLength(0);
  });

  it('answers 502 when the tenant cannot be reached, and tells the operator why', async () => {
    const logged: string[] = [];
    const unreachable = createTenantProxy({
      baseUrl: 'http://127.0.0.1:9',
      apiKey: KEY,
      log: (message) => logged.push(message),
    });
    const response = await unreachable.request('/api/v2/agents');
    expect(response.status).toBe(502);
    expect(await response.text()).not.toContain(KEY);
    expect(logged).toHaveLength(1);
    // fetch's own "fetch failed" says nothing: the log gives its cause (here, a port fetch refuses).
    expect(logged[0]).toMatch(
      /^Tenant proxy: GET \/api\/v2\/agents could not reach http:\/\/127\.0\.0\.1:9: .*bad port/,
    );
  });

  it('forwards an upload that asks to continue first, as curl does for a large body', async () => {
    const app = proxy();
    const token = envelopeSchema(tokenPairSchema).parse(JSON.parse((await signIn(app)).text)).data
      .ejento_access_token;
    const created = await app.request('/api/v2/agents', {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
        Expect: '100-continue',
      },
      body: JSON.stringify({ agent_name: 'Uploaded with curl', project_id: 101, domain: 'x'.repeat(2000) }),
    });
    expect(created.status).toBe(201);
  });

  it('answers a redirect of the tenant’s with a 502 that says so, and names where it led in the log only', async () => {
    const logged: string[] = [];
    const redirecting = createTenantProxy({
      baseUrl: 'http://tenant.example',
      apiKey: KEY,
      log: (message) => logged.push(message),
      fetch: () =>
        Promise.resolve(
          new Response(null, { status: 301, headers: { Location: 'https://tenant.example/api/v2/agents' } }),
        ),
    });
    const response = await redirecting.request('/api/v2/agents');
    expect(response.status).toBe(502);
    expect(response.headers.get('location')).toBeNull();
    expect(await response.json()).toMatchObject({
      success: false,
      message: expect.stringContaining('another address') as unknown,
      error: { code: 'BAD_GATEWAY' },
    });
    expect(logged).toEqual([
      expect.stringContaining(
        'redirected (301) to https://tenant.example/api/v2/agents: check EJENTO_API_URL',
      ),
    ]);
  });
});
