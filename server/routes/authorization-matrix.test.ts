import { describe, expect, it } from 'vitest';
import { envelopeSchema, publishListWireSchema, tokenPairSchema, type Permission } from '../../contract';
import { createHarness, dataOf, errorOf, type Harness } from '../testing/harness';

/**
 * Every mutating endpoint against every caller: the five demo roles, no token, and a real token
 * that has expired. Exactly the contract's permissions pass (2xx); everyone else is refused with
 * 403 or 401 and nothing changes. Each permitted call gets a freshly prepared agent, so it always
 * has something valid to act on.
 */

interface Prepared {
  id: number;
  instructionId: number;
  firstPublish: number;
}

interface Mutation {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: (p: Prepared) => string;
  body?: (p: Prepared) => unknown;
  /** Every one of these. */
  needs: Permission | readonly Permission[];
  /** Extra preparation so the permitted call is valid. */
  prepare?: (h: Harness, p: Prepared) => Promise<unknown>;
}

const agent = (p: Prepared) => `/api/v2/agents/${p.id}`;

const MUTATIONS: Mutation[] = [
  {
    method: 'POST',
    path: () => '/api/v2/agents',
    body: () => ({ agent_name: 'Brand new', project_id: 101 }),
    needs: 'edit',
  },
  { method: 'DELETE', path: agent, needs: ['edit', 'publish'] },
  { method: 'PUT', path: agent, body: () => ({ sample_q2: 'Changed' }), needs: 'edit' },
  {
    method: 'POST',
    path: (p) => `${agent(p)}/instructions`,
    body: () => ({ instruction: 'Be kind.' }),
    needs: 'edit',
  },
  {
    method: 'PUT',
    path: (p) => `${agent(p)}/instructions`,
    body: (p) => ({ instructions: [{ id: p.instructionId, instruction: 'Reworded.' }] }),
    needs: 'edit',
  },
  { method: 'DELETE', path: (p) => `${agent(p)}/instructions/${p.instructionId}`, needs: 'edit' },
  { method: 'POST', path: (p) => `${agent(p)}/corpora`, body: () => ({ corpus_ids: [1213] }), needs: 'edit' },
  {
    method: 'DELETE',
    path: (p) => `${agent(p)}/corpora`,
    body: () => ({ corpus_ids: [1227] }),
    needs: 'edit',
  },
  { method: 'POST', path: (p) => `${agent(p)}/corpora/1214`, needs: 'edit' },
  {
    method: 'PUT',
    path: (p) => `${agent(p)}/corpora/1227`,
    body: () => ({ is_enabled: false }),
    needs: 'edit',
  },
  { method: 'DELETE', path: (p) => `${agent(p)}/corpora/1227`, needs: 'edit' },
  { method: 'POST', path: (p) => `${agent(p)}/tools/6/enable`, needs: 'edit' },
  { method: 'DELETE', path: (p) => `${agent(p)}/tools/5/disable`, needs: 'edit' },
  {
    method: 'PATCH',
    path: (p) => `${agent(p)}/tools/5/actions/9`,
    body: () => ({ config: { project_key: 'OPS' } }),
    needs: 'edit',
  },
  { method: 'POST', path: (p) => `${agent(p)}/tools/5/actions/9/disable`, needs: 'edit' },
  {
    method: 'POST',
    path: (p) => `${agent(p)}/tools/5/actions/9/enable`,
    needs: 'edit',
    prepare: (h, p) => h.as('admin').post(`${agent(p)}/tools/5/actions/9/disable`),
  },
  {
    method: 'PATCH',
    path: (p) => `${agent(p)}/guardrails`,
    body: () => ({ guardrail_type: 'toxicity', enabled: true }),
    needs: 'edit',
  },
  { method: 'PUT', path: (p) => `${agent(p)}/access`, body: () => ({ access: 'Public' }), needs: 'edit' },
  {
    method: 'POST',
    path: (p) => `${agent(p)}/annotates`,
    body: () => ({ add: ['faq'], remove: [] }),
    needs: 'edit',
  },
  {
    method: 'POST',
    path: (p) => `${agent(p)}/sharepoint/folder`,
    body: () => ({ folder_url: 'https://northwind.sharepoint.com/sites/new' }),
    needs: 'edit',
    prepare: (h, p) => h.as('admin').delete(`${agent(p)}/sharepoint/folder`),
  },
  {
    method: 'PUT',
    path: (p) => `${agent(p)}/sharepoint/folder`,
    body: () => ({ folder_url: 'https://northwind.sharepoint.com/sites/moved' }),
    needs: 'edit',
  },
  { method: 'DELETE', path: (p) => `${agent(p)}/sharepoint/folder`, needs: 'edit' },
  { method: 'POST', path: (p) => `${agent(p)}/publish`, body: () => ({ note: 'Ship it' }), needs: 'publish' },
  {
    method: 'PUT',
    path: (p) => `${agent(p)}/rollback`,
    body: (p) => ({ change_track_id: p.firstPublish }),
    needs: 'rollback',
  },
];

const ROLES = {
  admin: ['view', 'edit', 'publish', 'rollback'],
  reviewer: ['view', 'publish'],
  editor: ['view', 'edit'],
  editor2: ['view', 'edit'],
  viewer: ['view'],
} as const satisfies Record<string, readonly Permission[]>;
type Role = keyof typeof ROLES;
type Caller = Role | 'no token' | 'expired token';
const CALLERS: Caller[] = [...(Object.keys(ROLES) as Role[]), 'no token', 'expired token'];

/** A sandbox whose clock a test can move, to expire tokens for real. */
function harness() {
  let now = Date.parse('2026-03-01T09:00:00Z');
  const h = createHarness({ clock: () => now, accessTokenTtlSeconds: 600, refreshTokenTtlSeconds: 3600 });
  const advance = (ms: number) => {
    now += ms;
  };
  /** A token minted now, so checks after moving the clock still see everything. */
  const freshToken = async (role: Role) =>
    envelopeSchema(tokenPairSchema).parse(await (await h.login(`${role}@example.com`)).json()).data
      .ejento_access_token;
  return { h, advance, freshToken };
}

/** An agent with something linked in every section and an unpublished change. */
async function prepare(h: Harness): Promise<Prepared> {
  const admin = h.as('admin');
  const id = await h.createAgent({ agent_name: `Matrix ${Math.random().toString(36).slice(2, 8)}` });
  const firstPublish = dataOf(await admin.get(`/api/v2/agents/${id}/publishes`), publishListWireSchema)
    .publish_records[0]!.change_track_id;
  await admin.post(`/api/v2/agents/${id}/tools/5/enable`);
  await admin.post(`/api/v2/agents/${id}/corpora`, { corpus_ids: [1227] });
  const added = await admin.post(`/api/v2/agents/${id}/instructions`, { instruction: 'Cite the policy.' });
  const instructionId = (added.body as { data: { id: number } }).data.id;
  await admin.post(`/api/v2/agents/${id}/sharepoint/folder`, {
    folder_url: 'https://northwind.sharepoint.com/sites/hr',
  });
  await admin.put(`/api/v2/agents/${id}`, { sample_q1: 'Unpublished question' });
  return { id, instructionId, firstPublish };
}

/** What anyone could observe about the agent and the agent list. */
async function observe(h: Harness, token: string, id: number) {
  const paths = [
    `/api/v2/agents/${id}`,
    `/api/v2/agents/${id}?environment=production`,
    `/api/v2/agents/${id}/publishes?items_per_page=100`,
    `/api/v2/agents?items_per_page=100`,
  ];
  return Promise.all(paths.map(async (path) => (await h.call('GET', path, { token })).body));
}

describe('authorization matrix of every mutating endpoint', () => {
  for (const caller of CALLERS) {
    it(`lets ${caller} do exactly what the contract allows`, async () => {
      const { h, advance, freshToken } = harness();
      let expired: string | undefined;
      if (caller === 'expired token') {
        expired = await freshToken('admin');
        advance(601_000);
        // The auth token behind it would still refresh; the platform token itself is dead.
      }
      const checker = await freshToken('admin');
      // Refused calls change nothing, so they share one agent; each permitted call gets its own.
      let shared: Prepared | undefined;
      for (const m of MUTATIONS) {
        const needs: readonly Permission[] = typeof m.needs === 'string' ? [m.needs] : m.needs;
        const allowed =
          caller in ROLES && needs.every((p) => (ROLES[caller as Role] as readonly Permission[]).includes(p));
        const p = allowed ? await prepare(h) : (shared ??= await prepare(h));
        await m.prepare?.(h, p);
        const label = `${caller} ${m.method} ${m.path(p)}`;
        const before = await observe(h, checker, p.id);
        const body = m.body?.(p);
        const response =
          caller === 'no token'
            ? await h.call(m.method, m.path(p), { body })
            : caller === 'expired token'
              ? await h.call(m.method, m.path(p), { body, token: expired })
              : await h.as(caller).send(m.method, m.path(p), { body });
        if (allowed) {
          expect(response.status, `${label}: ${JSON.stringify(response.body)}`).toBeGreaterThanOrEqual(200);
          expect(response.status, `${label}: ${JSON.stringify(response.body)}`).toBeLessThan(300);
          expect(await observe(h, checker, p.id), `${label} changed something`).not.toEqual(before);
          continue;
        }
        const expected = caller === 'no token' || caller === 'expired token' ? 401 : 403;
        expect(response.status, label).toBe(expected);
        expect(errorOf(response).error.code, label).toBe(expected === 401 ? 'UNAUTHORIZED' : 'FORBIDDEN');
        expect(await observe(h, checker, p.id), `${label} must change nothing`).toEqual(before);
      }
    });
  }

  it('refuses an expired token even in the bare form Ejento’s sample client sends', async () => {
    const { h, advance, freshToken } = harness();
    const token = await freshToken('editor');
    const p = await prepare(h);
    expect(
      (
        await h.call('PUT', `/api/v2/agents/${p.id}`, {
          headers: { Authorization: token },
          body: { sample_q2: 'x' },
        })
      ).status,
    ).toBe(200);
    advance(601_000);
    const refused = await h.call('PUT', `/api/v2/agents/${p.id}`, {
      headers: { Authorization: token },
      body: { sample_q2: 'y' },
    });
    expect(refused.status).toBe(401);
  });
});
