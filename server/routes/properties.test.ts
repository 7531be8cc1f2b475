import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  agentDetailWireSchema,
  idParamSchema,
  publishListWireSchema,
  publishRecordDetailWireSchema,
  stagingDiffSchema,
  type AgentConfig,
  type Permission,
} from '../../contract';
import { configOf, createHarness, dataOf, type Harness } from '../testing/harness';

/**
 * Property-based tests against the sandbox: random sequences of edits, publishes and rollbacks by
 * random roles keep the publishing invariants, and random or malformed input gets a 4xx (never a
 * 5xx) and changes nothing.
 */

const ROLE_PERMISSIONS = {
  admin: ['view', 'edit', 'publish', 'rollback'],
  reviewer: ['view', 'publish'],
  editor: ['view', 'edit'],
  editor2: ['view', 'edit'],
  viewer: ['view'],
} as const satisfies Record<string, readonly Permission[]>;
type Role = keyof typeof ROLE_PERMISSIONS;
const roleArb = fc.constantFrom(...(Object.keys(ROLE_PERMISSIONS) as Role[]));
const mayDo = (role: Role, permission: Permission) =>
  (ROLE_PERMISSIONS[role] as readonly Permission[]).includes(permission);

/** Few distinct values, so sequences often edit a field back to what production holds. */
const textArb = fc.constantFrom('', 'alpha', 'beta', 'Ünïcode ✓', '<b>x</b>');

type Command =
  | {
      kind: 'settings';
      role: Role;
      field: 'sample_q1' | 'sample_q2' | 'domain' | 'prefix_prompt';
      value: string;
    }
  | { kind: 'instruction'; role: Role; value: string }
  | { kind: 'tool'; role: Role; toolId: 5 | 6; on: boolean }
  | { kind: 'guardrail'; role: Role; enabled: boolean }
  | { kind: 'publish'; role: Role; withFingerprint: boolean }
  | { kind: 'rollback'; role: Role; pick: number };

const commandArb: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('settings' as const),
      role: roleArb,
      field: fc.constantFrom('sample_q1', 'sample_q2', 'domain', 'prefix_prompt'),
      value: textArb,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('instruction' as const),
      role: roleArb,
      value: textArb.filter((t) => t !== ''),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('tool' as const),
      role: roleArb,
      toolId: fc.constantFrom(5 as const, 6 as const),
      on: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('guardrail' as const), role: roleArb, enabled: fc.boolean() }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('publish' as const),
      role: roleArb,
      withFingerprint: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('rollback' as const), role: roleArb, pick: fc.nat(20) }),
  },
);

async function read(h: Harness, id: number) {
  const viewer = h.as('viewer');
  const [staging, production, diff, history] = await Promise.all([
    viewer.get(`/api/v2/agents/${id}`),
    viewer.get(`/api/v2/agents/${id}?environment=production`),
    viewer.get(`/api/v2/agents/${id}/staging-diff`),
    viewer.get(`/api/v2/agents/${id}/publishes?items_per_page=100`),
  ]);
  return {
    staging: dataOf(staging, agentDetailWireSchema),
    production: dataOf(production, agentDetailWireSchema),
    diff: dataOf(diff, stagingDiffSchema),
    history: dataOf(history, publishListWireSchema).publish_records,
  };
}
type State = Awaited<ReturnType<typeof read>>;

async function snapshotOf(h: Harness, id: number, changeTrackId: number): Promise<AgentConfig> {
  return dataOf(
    await h.as('viewer').get(`/api/v2/agents/${id}/publishes/${changeTrackId}`),
    publishRecordDetailWireSchema,
  ).snapshot;
}

/** Runs one command; answers the HTTP status. */
async function run(h: Harness, id: number, command: Command, state: State): Promise<number> {
  const user = h.as(command.role);
  const agent = `/api/v2/agents/${id}`;
  switch (command.kind) {
    case 'settings':
      return (await user.put(agent, { [command.field]: command.value })).status;
    case 'instruction':
      return (await user.post(`${agent}/instructions`, { instruction: command.value })).status;
    case 'tool':
      return command.on
        ? (await user.post(`${agent}/tools/${command.toolId}/enable`)).status
        : (await user.delete(`${agent}/tools/${command.toolId}/disable`)).status;
    case 'guardrail':
      return (
        await user.patch(`${agent}/guardrails`, { guardrail_type: 'toxicity', enabled: command.enabled })
      ).status;
    case 'publish':
      return (
        await user.post(`${agent}/publish`, {
          note: 'Random publish',
          ...(command.withFingerprint ? { expected_fingerprint: state.diff.staging_fingerprint } : {}),
        })
      ).status;
    case 'rollback': {
      const target = state.history[command.pick % state.history.length]!;
      return (await user.put(`${agent}/rollback`, { change_track_id: target.change_track_id })).status;
    }
  }
}

const PERMISSION_OF: Record<Command['kind'], Permission> = {
  settings: 'edit',
  instruction: 'edit',
  tool: 'edit',
  guardrail: 'edit',
  publish: 'publish',
  rollback: 'rollback',
};

const sameConfig = (a: AgentConfig, b: AgentConfig) => JSON.stringify(a) === JSON.stringify(b);

async function checkInvariants(h: Harness, id: number, s: State) {
  const staging = configOf(s.staging);
  const production = configOf(s.production);
  // Production equals the latest publish's snapshot.
  const latest = s.history[0]!;
  expect(latest.is_live).toBe(true);
  expect(production).toEqual(await snapshotOf(h, id, latest.change_track_id));
  // The staging diff is empty exactly when staging equals production.
  const equal = sameConfig(staging, production);
  expect(s.diff.has_changes).toBe(!equal);
  expect(s.diff.sections.length === 0).toBe(equal);
  expect(s.staging.has_unpublished_changes).toBe(!equal);
}

describe('publishing invariants under random sequences of edits, publishes and rollbacks by random roles', () => {
  it('keeps production, history, diff and rollback consistent', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(commandArb, { minLength: 1, maxLength: 12 }), async (commands) => {
        const h = createHarness();
        const id = await h.createAgent();
        let state = await read(h, id);
        await checkInvariants(h, id, state);
        for (const command of commands) {
          const before = state;
          const status = await run(h, id, command, before);
          state = await read(h, id);
          const label = JSON.stringify(command);

          expect(status, label).toBeLessThan(500);
          if (!mayDo(command.role, PERMISSION_OF[command.kind])) {
            expect(status, label).toBe(403);
            expect(state, `${label} was refused and must change nothing`).toEqual(before);
          }

          // History only grows: the old records are still there, unchanged but for which is live.
          const strip = (r: State['history'][number]) => ({ ...r, is_live: undefined });
          expect(state.history.slice(state.history.length - before.history.length).map(strip), label).toEqual(
            before.history.map(strip),
          );
          const published = command.kind === 'publish' && status === 201;
          expect(state.history.length, label).toBe(before.history.length + (published ? 1 : 0));

          if (command.kind === 'publish' && mayDo(command.role, 'publish')) {
            // Blocked exactly when staging equals production.
            expect(status, label).toBe(before.diff.has_changes ? 201 : 409);
          }
          if (command.kind === 'rollback' && status === 200) {
            const target = before.history[command.pick % before.history.length]!;
            expect(configOf(state.staging), label).toEqual(await snapshotOf(h, id, target.change_track_id));
            expect(configOf(state.production), label).toEqual(configOf(before.production));
            // Back to what production holds, nothing waits to go live: no marker then.
            const backToProduction = !state.staging.has_unpublished_changes;
            expect(state.staging.staging_rolled_back_to?.change_track_id ?? null, label).toBe(
              backToProduction ? null : target.change_track_id,
            );
          }
          await checkInvariants(h, id, state);
        }
      }),
      { numRuns: 15 },
    );
  }, 60_000);
});

/** Bodies that no edit endpoint accepts: not an object, unknown keys, or known keys of the wrong type. */
const malformedBodyArb = fc.oneof(
  fc
    .oneof(
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.string(),
      fc.array(fc.jsonValue(), { maxLength: 3 }),
    )
    .map((v) => ({ json: v })),
  fc
    .dictionary(
      fc.string({ minLength: 1, maxLength: 8 }).map((k) => `x_${k}`),
      fc.jsonValue(),
      { minKeys: 1, maxKeys: 3 },
    )
    .map((v) => ({ json: v })),
  fc
    .oneof(fc.integer(), fc.boolean(), fc.array(fc.integer(), { maxLength: 2 }), fc.object({ maxDepth: 1 }))
    .map((v) => ({ json: { sample_q1: v } })),
  fc
    .string({ minLength: 1 })
    .filter((s) => {
      try {
        JSON.parse(s);
        return false;
      } catch {
        return true;
      }
    })
    .map((raw) => ({ raw })),
);

const EDIT_ENDPOINTS = [
  ['PUT', ''],
  ['POST', '/instructions'],
  ['PUT', '/instructions'],
  ['POST', '/corpora'],
  ['DELETE', '/corpora'],
  ['PATCH', '/guardrails'],
  ['PUT', '/access'],
  ['POST', '/annotates'],
  ['POST', '/sharepoint/folder'],
  ['PATCH', '/tools/5/actions/9'],
  ['PUT', '/rollback'],
] as const;

/** Strings that are not an id the sandbox accepts. */
const malformedIdArb = fc
  .oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom('0', '-1', '1.5', 'NaN', 'Infinity', '99999999999', '%00', '..', '1;DROP TABLE agents'),
  )
  .filter(
    (s) =>
      s.trim() !== '' &&
      !idParamSchema.safeParse(s).success &&
      !s.includes('/') &&
      !s.includes('?') &&
      !s.includes('#'),
  );

describe('random and malformed input', () => {
  async function prepared() {
    const h = createHarness();
    const id = await h.createAgent();
    await h.as('admin').post(`/api/v2/agents/${id}/tools/5/enable`);
    const fingerprint = async () => {
      const s = await read(h, id);
      return JSON.stringify([s.staging, s.production, s.history]);
    };
    return { h, id, fingerprint };
  }

  it('answers malformed bodies on every edit, publish and rollback endpoint with a 4xx and changes nothing', async () => {
    const { h, id, fingerprint } = await prepared();
    const before = await fingerprint();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...EDIT_ENDPOINTS),
        malformedBodyArb,
        async ([method, suffix], body) => {
          const sent =
            'raw' in body
              ? { raw: body.raw, headers: { 'Content-Type': 'application/json' } }
              : { body: body.json };
          const response = await h.as('admin').send(method, `/api/v2/agents/${id}${suffix}`, sent);
          const label = `${method} ${suffix} ${JSON.stringify(body)}`;
          expect(response.status, label).toBeGreaterThanOrEqual(400);
          expect(response.status, label).toBeLessThan(500);
        },
      ),
      { numRuns: 150 },
    );
    // Publish takes an optional body; a malformed one must not publish either.
    await fc.assert(
      fc.asyncProperty(
        malformedBodyArb.filter((b) => !('json' in b && b.json === null)),
        async (body) => {
          const sent =
            'raw' in body
              ? { raw: body.raw, headers: { 'Content-Type': 'application/json' } }
              : { body: body.json };
          const response = await h.as('admin').send('POST', `/api/v2/agents/${id}/publish`, sent);
          expect(response.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
          expect(response.status, JSON.stringify(body)).toBeLessThan(500);
        },
      ),
      { numRuns: 40 },
    );
    expect(await fingerprint()).toBe(before);
  }, 60_000);

  it('answers malformed and unknown ids with a 4xx and changes nothing', async () => {
    const { h, id, fingerprint } = await prepared();
    const before = await fingerprint();
    const paths = (bad: string) =>
      [
        ['GET', `/api/v2/agents/${bad}`],
        ['PUT', `/api/v2/agents/${bad}`],
        ['DELETE', `/api/v2/agents/${bad}`],
        ['DELETE', `/api/v2/agents/${id}/instructions/${bad}`],
        ['PUT', `/api/v2/agents/${id}/corpora/${bad}`],
        ['POST', `/api/v2/agents/${id}/tools/${bad}/enable`],
        ['PATCH', `/api/v2/agents/${id}/tools/5/actions/${bad}`],
        ['GET', `/api/v2/agents/${id}/publishes/${bad}`],
        ['GET', `/api/v2/agents/${id}/publishes/${bad}/diff`],
        ['POST', `/api/v2/agents/${bad}/publish`],
      ] as const;
    const idArb = fc.oneof(malformedIdArb, fc.integer({ min: 1000, max: 2_147_483_647 }).map(String));
    await fc.assert(
      fc.asyncProperty(idArb, async (bad) => {
        for (const [method, path] of paths(encodeURIComponent(bad))) {
          // A valid body, so only the id can be wrong.
          const body =
            method === 'PUT'
              ? path.includes('/corpora/')
                ? { is_enabled: true }
                : { sample_q1: 'x' }
              : method === 'PATCH'
                ? { config: {} }
                : undefined;
          const response = await h.as('admin').send(method, path, { body });
          expect(response.status, `${method} ${path}`).toBeGreaterThanOrEqual(400);
          expect(response.status, `${method} ${path}`).toBeLessThan(500);
        }
      }),
      { numRuns: 40 },
    );
    expect(await fingerprint()).toBe(before);
  }, 60_000);

  it('answers random query strings without a 5xx, and malformed values of known parameters with a 4xx', async () => {
    const { h, id, fingerprint } = await prepared();
    const before = await fingerprint();
    const key = fc.oneof(
      fc.constantFrom(
        'page',
        'items_per_page',
        'project_id',
        'q',
        'has_unpublished_changes',
        'published_by',
        'from',
        'to',
        'environment',
      ),
      fc.string({ maxLength: 6 }),
    );
    const value = fc.oneof(
      fc.string({ maxLength: 10 }),
      fc.integer().map(String),
      fc.constantFrom('-1', '0', '1e9', 'staging', 'production', 'true'),
    );
    const queryArb = fc
      .array(fc.tuple(key, value), { maxLength: 4 })
      .map((pairs) => new URLSearchParams(pairs).toString());
    const bases = [
      '/api/v2/agents',
      `/api/v2/agents/${id}`,
      `/api/v2/agents/${id}/publishes`,
      `/api/v2/agents/${id}/compare`,
      `/api/v2/agents/${id}/staging-diff`,
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...bases), queryArb, async (base, qs) => {
        const response = await h.as('viewer').get(`${base}?${qs}`);
        expect(response.status, `${base}?${qs}`).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
    const malformed = fc.constantFrom(
      '/api/v2/agents?page=0',
      '/api/v2/agents?page=abc',
      '/api/v2/agents?items_per_page=101',
      '/api/v2/agents?has_unpublished_changes=maybe',
      '/api/v2/agents?project_id=-3',
      `/api/v2/agents/${id}/publishes?items_per_page=0`,
      `/api/v2/agents/${id}/compare?from=tomorrow&to=staging`,
      `/api/v2/agents/${id}/compare?from=production`,
    );
    await fc.assert(
      fc.asyncProperty(malformed, async (path) => {
        const response = await h.as('viewer').get(path);
        expect(response.status, path).toBeGreaterThanOrEqual(400);
        expect(response.status, path).toBeLessThan(500);
      }),
      { numRuns: 16 },
    );
    expect(await fingerprint()).toBe(before);
  }, 60_000);
});
