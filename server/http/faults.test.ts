import { serve, type ServerType } from '@hono/node-server';
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { openDatabase } from '../db/database';
import { seedCatalogue } from '../seed/catalogue';
import { createWebServer } from '../web-server';
import { FAULT_KEY_HEADER, faultOptionsFromEnv, type FaultOptions, type FaultRuleInput } from './faults';

const KEY = 'test-fault-key-0123456789';
const servers: ServerType[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** The production web server with the sandbox, on an ephemeral loopback port. */
async function start(faults?: FaultOptions) {
  const dist = mkdtempSync(join(tmpdir(), 'faults-dist-'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>console</title>');
  const db = openDatabase(':memory:');
  seedCatalogue(db);
  const app = createWebServer({ api: createApp({ db }), distDir: dist, faults, mode: 'sandbox' });
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  servers.push(server);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const login = await fetch(`${base}/auth-service/api/v2/login/access-token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'username=admin%40example.com&password=sandbox',
  });
  const token = ((await login.json()) as { data: { ejento_access_token: string } }).data.ejento_access_token;

  const api = (method: string, path: string, body?: unknown, signal?: AbortSignal) =>
    fetch(`${base}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  const addRule = (rule: FaultRuleInput, key: string | null = KEY) =>
    fetch(`${base}/__faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(key === null ? {} : { [FAULT_KEY_HEADER]: key }) },
      body: JSON.stringify(rule),
    });
  const createAgent = async (name: string) => {
    const r = await api('POST', '/api/v2/agents', { agent_name: name, project_id: 101 });
    return ((await r.json()) as { data: { id: number } }).data.id;
  };
  const sampleQ1 = async (id: number) =>
    ((await (await api('GET', `/api/v2/agents/${id}`)).json()) as { data: { sample_q1: string } }).data
      .sample_q1;
  return { base, api, addRule, createAgent, sampleQ1 };
}

describe('fault injection', () => {
  it('is off unless SANDBOX_FAULTS=1, and then refuses to start without a long key', () => {
    expect(faultOptionsFromEnv({})).toBeUndefined();
    expect(faultOptionsFromEnv({ SANDBOX_FAULTS: 'true', SANDBOX_FAULT_KEY: KEY })).toBeUndefined();
    expect(() => faultOptionsFromEnv({ SANDBOX_FAULTS: '1' })).toThrow(/SANDBOX_FAULT_KEY/);
    expect(() => faultOptionsFromEnv({ SANDBOX_FAULTS: '1', SANDBOX_FAULT_KEY: 'short' })).toThrow(
      /16 characters/,
    );
    expect(faultOptionsFromEnv({ SANDBOX_FAULTS: '1', SANDBOX_FAULT_KEY: KEY })).toEqual({ key: KEY });
  });

  it('has no rule endpoint when not enabled, even with the key', async () => {
    const s = await start();
    const id = await s.createAgent('Plain');
    const response = await s.addRule({ path: '.*', mode: 'status500' });
    expect(response.status).toBe(404);
    expect((await s.api('GET', `/api/v2/agents/${id}`)).status).toBe(200);
  });

  it('ignores rule requests without the key or with a wrong one, as if the endpoint did not exist', async () => {
    const s = await start({ key: KEY });
    const id = await s.createAgent('Guarded');
    expect((await s.addRule({ path: '.*', mode: 'status500' }, null)).status).toBe(404);
    expect((await s.addRule({ path: '.*', mode: 'status500' }, `${KEY}x`)).status).toBe(404);
    expect((await fetch(`${s.base}/__faults`)).status).toBe(404);
    expect((await s.api('GET', `/api/v2/agents/${id}`)).status).toBe(200);
  });

  it('fails exactly the matching requests with a 500, as many times as asked, without performing them', async () => {
    const s = await start({ key: KEY });
    const target = await s.createAgent('Target');
    const bystander = await s.createAgent('Bystander');
    expect(
      (await s.addRule({ method: 'PUT', path: `^/api/v2/agents/${target}$`, mode: 'status500', times: 2 }))
        .status,
    ).toBe(201);

    expect((await s.api('GET', `/api/v2/agents/${target}`)).status).toBe(200);
    expect((await s.api('PUT', `/api/v2/agents/${bystander}`, { sample_q1: 'other' })).status).toBe(200);
    for (let i = 0; i < 2; i++) {
      const failed = await s.api('PUT', `/api/v2/agents/${target}`, { sample_q1: `try ${i}` });
      expect(failed.status).toBe(500);
      expect(await failed.json()).toMatchObject({ success: false, error: { code: 'INTERNAL_ERROR' } });
    }
    expect(await s.sampleQ1(target)).toBe('');
    expect((await s.api('PUT', `/api/v2/agents/${target}`, { sample_q1: 'third' })).status).toBe(200);
    expect(await s.sampleQ1(target)).toBe('third');
  });

  it('drops the connection before the server acts: the client sees a network error and nothing changes', async () => {
    const s = await start({ key: KEY });
    const id = await s.createAgent('Dropped');
    await s.addRule({ method: 'PUT', path: `^/api/v2/agents/${id}$`, mode: 'drop' });
    await expect(s.api('PUT', `/api/v2/agents/${id}`, { sample_q1: 'lost' })).rejects.toThrow();
    expect(await s.sampleQ1(id)).toBe('');
  });

  it('drops the connection after the server acts: the response is lost, the change is kept', async () => {
    const s = await start({ key: KEY });
    const id = await s.createAgent('Committed');
    await s.addRule({ method: 'PUT', path: `^/api/v2/agents/${id}$`, mode: 'after-commit-drop' });
    await expect(s.api('PUT', `/api/v2/agents/${id}`, { sample_q1: 'kept' })).rejects.toThrow();
    expect(await s.sampleQ1(id)).toBe('kept');
  });

  it('stalls a request without performing it, until the stall ends or the client gives up', async () => {
    const s = await start({ key: KEY });
    const id = await s.createAgent('Stalled');
    await s.addRule({
      method: 'PUT',
      path: `^/api/v2/agents/${id}$`,
      mode: 'stall',
      stall_ms: 300,
      times: 2,
    });
    const started = Date.now();
    const stalled = await s.api('PUT', `/api/v2/agents/${id}`, { sample_q1: 'late' });
    expect(stalled.status).toBe(504);
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    await expect(
      s.api('PUT', `/api/v2/agents/${id}`, { sample_q1: 'late' }, AbortSignal.timeout(50)),
    ).rejects.toThrow();
    expect(await s.sampleQ1(id)).toBe('');
  });

  it('refuses with a 401 only the requests carrying the chosen token, in each service’s error shape', async () => {
    const s = await start({ key: KEY });
    const id = await s.createAgent('Expiring');
    const login = async () =>
      (
        (await (
          await fetch(`${s.base}/auth-service/api/v2/login/access-token`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
            body: 'username=editor%40example.com&password=sandbox',
          })
        ).json()) as { data: { access_token: string; ejento_access_token: string } }
      ).data;
    const mine = await login();
    await s.addRule({ path: '.*', authorization: mine.ejento_access_token, mode: 'status401', times: 5 });
    await s.addRule({
      method: 'POST',
      path: '/refresh-access-token$',
      authorization: mine.access_token,
      mode: 'status401',
    });

    const platform = await fetch(`${s.base}/api/v2/agents/${id}`, {
      headers: { Authorization: `Bearer ${mine.ejento_access_token}` },
    });
    expect(platform.status).toBe(401);
    expect(await platform.json()).toMatchObject({ success: false, error: { code: 'UNAUTHORIZED' } });
    // Someone else's token still works.
    expect((await s.api('GET', `/api/v2/agents/${id}`)).status).toBe(200);
    const refresh = await fetch(`${s.base}/auth-service/api/v2/users/refresh-access-token`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${mine.access_token}` },
    });
    expect(refresh.status).toBe(401);
    expect(await refresh.json()).toEqual({ detail: 'Could not validate credentials: sign in again' });
  });

  it('rejects malformed rules', async () => {
    const s = await start({ key: KEY });
    expect((await s.addRule({ path: '(', mode: 'drop' })).status).toBe(422);
    expect((await s.addRule({ path: 'x', mode: 'explode' as 'drop' })).status).toBe(422);
  });
});
