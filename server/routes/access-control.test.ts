import { describe, expect, it } from 'vitest';
import { agentDetailWireSchema, type Permission } from '../../contract';
import { createHarness, dataOf, errorOf } from '../testing/harness';

interface Endpoint {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  body?: unknown;
  /** Every one of these. */
  needs: Permission | readonly Permission[];
}

/** Every platform endpoint, with a valid request against agent 1 (tool 5 linked, corpus 1227 connected). */
const ENDPOINTS: Endpoint[] = [
  { method: 'GET', path: '/api/v2/users/me', needs: 'view' },
  { method: 'GET', path: '/api/v2/agents', needs: 'view' },
  { method: 'POST', path: '/api/v2/agents', body: { agent_name: 'New', project_id: 101 }, needs: 'edit' },
  { method: 'GET', path: '/api/v2/agents/1', needs: 'view' },
  { method: 'GET', path: '/api/v2/agents/1/corpora', needs: 'view' },
  { method: 'GET', path: '/api/v2/agents/1/tools', needs: 'view' },
  { method: 'GET', path: '/api/v2/agents/1/guardrails', needs: 'view' },
  { method: 'GET', path: '/api/v2/agents/1/access', needs: 'view' },
  { method: 'GET', path: '/api/v2/agents/1/sharepoint/folder', needs: 'view' },
  { method: 'GET', path: '/api/v2/projects', needs: 'view' },
  { method: 'GET', path: '/api/v2/corpora', needs: 'view' },
  { method: 'GET', path: '/api/v2/organizations/tools', needs: 'view' },
  { method: 'GET', path: '/api/v2/agent-types', needs: 'view' },
  { method: 'GET', path: '/api/v2/llm-configs', needs: 'view' },
  { method: 'GET', path: '/api/v2/agents/1/permissions/me', needs: 'view' },
  { method: 'PUT', path: '/api/v2/agents/1', body: { sample_q1: 'Changed' }, needs: 'edit' },
  { method: 'POST', path: '/api/v2/agents/1/instructions', body: { instruction: 'Be kind.' }, needs: 'edit' },
  { method: 'PUT', path: '/api/v2/agents/1/instructions', body: { instructions: [] }, needs: 'edit' },
  { method: 'DELETE', path: '/api/v2/agents/1/instructions/1000', needs: 'edit' },
  { method: 'POST', path: '/api/v2/agents/1/corpora', body: { corpus_ids: [1213] }, needs: 'edit' },
  { method: 'DELETE', path: '/api/v2/agents/1/corpora', body: { corpus_ids: [1213] }, needs: 'edit' },
  { method: 'POST', path: '/api/v2/agents/1/corpora/1214', needs: 'edit' },
  { method: 'PUT', path: '/api/v2/agents/1/corpora/1227', body: { is_enabled: false }, needs: 'edit' },
  { method: 'DELETE', path: '/api/v2/agents/1/corpora/1227', needs: 'edit' },
  { method: 'POST', path: '/api/v2/agents/1/tools/6/enable', needs: 'edit' },
  { method: 'DELETE', path: '/api/v2/agents/1/tools/5/disable', needs: 'edit' },
  {
    method: 'PATCH',
    path: '/api/v2/agents/1/tools/5/actions/9',
    body: { config: { project_key: 'X' } },
    needs: 'edit',
  },
  { method: 'POST', path: '/api/v2/agents/1/tools/5/actions/9/disable', needs: 'edit' },
  { method: 'POST', path: '/api/v2/agents/1/tools/5/actions/9/enable', needs: 'edit' },
  {
    method: 'PATCH',
    path: '/api/v2/agents/1/guardrails',
    body: { guardrail_type: 'toxicity', enabled: true },
    needs: 'edit',
  },
  { method: 'PUT', path: '/api/v2/agents/1/access', body: { access: 'Public' }, needs: 'edit' },
  { method: 'POST', path: '/api/v2/agents/1/annotates', body: { add: ['x'] }, needs: 'edit' },
  {
    method: 'POST',
    path: '/api/v2/agents/1/sharepoint/folder',
    body: { folder_url: 'https://n.sharepoint.com/sites/a' },
    needs: 'edit',
  },
  {
    method: 'PUT',
    path: '/api/v2/agents/1/sharepoint/folder',
    body: { folder_url: 'https://n.sharepoint.com/sites/b' },
    needs: 'edit',
  },
  { method: 'DELETE', path: '/api/v2/agents/1/sharepoint/folder', needs: 'edit' },
  { method: 'GET', path: '/api/v2/agents/1/staging-diff', needs: 'view' },
  { method: 'POST', path: '/api/v2/agents/1/publish', body: { note: 'Go' }, needs: 'publish' },
  { method: 'GET', path: '/api/v2/agents/1/publishes', needs: 'view' },
  { method: 'GET', path: '/api/v2/agents/1/publishes/1', needs: 'view' },
  { method: 'GET', path: '/api/v2/agents/1/publishes/1/diff', needs: 'view' },
  { method: 'PUT', path: '/api/v2/agents/1/rollback', body: { change_track_id: 1 }, needs: 'rollback' },
  { method: 'GET', path: '/api/v2/agents/1/compare?from=production&to=staging', needs: 'view' },
  { method: 'DELETE', path: '/api/v2/agents/2', needs: ['edit', 'publish'] },
];

const ROLES = {
  admin: ['view', 'edit', 'publish', 'rollback'],
  reviewer: ['view', 'publish'],
  editor: ['view', 'edit'],
  viewer: ['view'],
} as const satisfies Record<string, readonly Permission[]>;

async function prepared() {
  const h = createHarness();
  const id = await h.createAgent();
  await h.createAgent({ agent_name: 'To delete' });
  await h.as('admin').post(`/api/v2/agents/${id}/tools/5/enable`);
  await h.as('admin').post(`/api/v2/agents/${id}/corpora`, { corpus_ids: [1227] });
  return h;
}

describe('access control', () => {
  it('answers 401 on every platform endpoint without a valid token', async () => {
    const h = await prepared();
    for (const e of ENDPOINTS) {
      const response = await h.call(e.method, e.path, { body: e.body, token: 'expired-or-forged' });
      expect(response.status, `${e.method} ${e.path}`).toBe(401);
      expect(errorOf(response).error.code).toBe('UNAUTHORIZED');
    }
  });

  for (const [role, granted] of Object.entries(ROLES)) {
    it(`gives the ${role} exactly ${granted.join(', ')} and 403 FORBIDDEN elsewhere`, async () => {
      const h = await prepared();
      const user = h.as(role as keyof typeof ROLES);
      for (const e of ENDPOINTS) {
        const before = dataOf(await h.as('admin').get('/api/v2/agents/1'), agentDetailWireSchema);
        const response = await user.send(e.method, e.path, { body: e.body });
        const label = `${role} ${e.method} ${e.path}`;
        const needs: readonly Permission[] = typeof e.needs === 'string' ? [e.needs] : e.needs;
        if (needs.every((p) => (granted as readonly Permission[]).includes(p))) {
          expect([401, 403], label).not.toContain(response.status);
          expect(response.status, label).toBeLessThan(500);
        } else {
          expect(response.status, label).toBe(403);
          const error = errorOf(response);
          expect(error.error.code).toBe('FORBIDDEN');
          expect(error.message).toMatch(
            /^(Your role cannot (view|edit|publish|roll back) agents|Deleting an agent removes it from production too: .*)$/,
          );
          const after = dataOf(await h.as('admin').get('/api/v2/agents/1'), agentDetailWireSchema);
          expect(after.staging_revision, label).toBe(before.staging_revision);
          expect(after.live_version, label).toBe(before.live_version);
        }
      }
    });
  }
});

describe('errors', () => {
  it('answers 413 PAYLOAD_TOO_LARGE to a body over 16 MiB and changes nothing', async () => {
    const h = await prepared();
    const huge = JSON.stringify({ prefix_prompt: 'x'.repeat(16 * 1024 * 1024 + 10) });
    const response = await h
      .as('admin')
      .send('PUT', '/api/v2/agents/1', { raw: huge, headers: { 'Content-Type': 'application/json' } });
    expect(response.status).toBe(413);
    expect(errorOf(response).error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(dataOf(await h.as('admin').get('/api/v2/agents/1'), agentDetailWireSchema).prefix_prompt).toBe(
      'You are Northwind Health’s benefits assistant.',
    );
  });

  it('accepts a system prompt of several megabytes under the body limit', async () => {
    const h = await prepared();
    const prompt = Array.from({ length: 100_000 }, (_, i) => `Line ${i} of the escalation policy.`).join(
      '\n',
    );
    const response = await h.as('admin').put('/api/v2/agents/1', { prefix_prompt: prompt });
    expect(response.status).toBe(200);
    expect(
      dataOf(await h.as('admin').get('/api/v2/agents/1'), agentDetailWireSchema).prefix_prompt,
    ).toHaveLength(prompt.length);
  });

  it('answers 422 with the limit when the system prompt exceeds 8 MiB', async () => {
    const h = await prepared();
    const response = await h
      .as('admin')
      .put('/api/v2/agents/1', { prefix_prompt: 'x'.repeat(8 * 1024 * 1024 + 1) });
    expect(response.status).toBe(422);
    expect(errorOf(response).error.details).toEqual([
      { field: 'prefix_prompt', message: 'The system prompt is at most 8 MiB of text' },
    ]);
  });

  it('answers an unknown platform path with a 404 envelope and an unknown auth path with a detail', async () => {
    const h = await prepared();
    const platform = await h.as('viewer').get('/api/v2/agents/1/nothing-here');
    expect(platform.status).toBe(404);
    expect(errorOf(platform).error.code).toBe('NOT_FOUND');
    const auth = await h.call('GET', '/auth-service/api/v2/nothing');
    expect(auth).toMatchObject({ status: 404, body: { detail: 'Not Found' } });
  });

  it('maps an unexpected failure to a 500 INTERNAL_ERROR envelope without leaking the cause', async () => {
    const h = await prepared();
    const token = await h.tokenFor('viewer@example.com');
    h.db.exec('DROP TABLE publish_snapshots');
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const response = await h.call('GET', '/api/v2/agents/1/publishes/1', { token });
      expect(response.status).toBe(500);
      expect(errorOf(response)).toEqual({
        success: false,
        message: 'Something went wrong on the server',
        error: { code: 'INTERNAL_ERROR' },
      });
    } finally {
      console.error = original;
    }
    expect(errors).toHaveLength(1);
  });

  it('answers /healthz with 200', async () => {
    const h = createHarness();
    expect(await h.call('GET', '/healthz')).toMatchObject({ status: 200, body: { status: 'ok' } });
  });
});
