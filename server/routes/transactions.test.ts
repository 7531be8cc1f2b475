import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { agentDetailWireSchema, publishListWireSchema, publishRecordWireSchema } from '../../contract';
import { createHarness, dataOf, errorOf, type Harness } from '../testing/harness';

/** A sandbox whose publish and rollback transactions throw after all their writes, while `failing` says so. */
function failingHarness() {
  const state = { failing: false, calls: [] as string[] };
  const h = createHarness({
    insideTransaction: (operation, agentId) => {
      state.calls.push(`${operation} ${agentId}`);
      if (state.failing) throw new Error(`Injected failure inside the ${operation} transaction`);
    },
  });
  return { h, state };
}

/** Everything a user can read about one agent. */
async function everything(h: Harness, id: number) {
  const admin = h.as('admin');
  const reads = await Promise.all(
    [
      `/api/v2/agents/${id}`,
      `/api/v2/agents/${id}?environment=production`,
      `/api/v2/agents/${id}/staging-diff`,
      `/api/v2/agents/${id}/publishes?items_per_page=100`,
      `/api/v2/agents/${id}/publishes/1/diff`,
      `/api/v2/agents/${id}/compare?from=production&to=staging`,
      `/api/v2/agents?items_per_page=100`,
    ].map((path) => admin.get(path.replace('/publishes/1/', `/publishes/${firstPublish.get(id) ?? 1}/`))),
  );
  return reads.map((r) => ({ status: r.status, body: r.body, etag: r.headers.get('ETag') }));
}
const firstPublish = new Map<number, number>();

let restoreConsole: () => void;
beforeEach(() => {
  // The app logs unexpected errors; these are expected here.
  const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  restoreConsole = () => spy.mockRestore();
});
afterEach(() => restoreConsole());

describe('a publish interrupted inside the transaction', () => {
  it('changes nothing, and the next publish is the version that failed', async () => {
    const { h, state } = failingHarness();
    const id = await h.createAgent();
    await h.as('editor').put(`/api/v2/agents/${id}`, { prefix_prompt: 'Be brief.', sample_q1: 'Hello?' });
    await h.as('editor').post(`/api/v2/agents/${id}/instructions`, { instruction: 'Cite the policy.' });
    const before = await everything(h, id);

    state.calls = [];
    state.failing = true;
    const failed = await h.as('reviewer').post(`/api/v2/agents/${id}/publish`, { note: 'Doomed' });
    expect(failed.status).toBe(500);
    expect(errorOf(failed).error.code).toBe('INTERNAL_ERROR');
    expect(state.calls).toEqual([`publish ${id}`]);
    expect(await everything(h, id)).toEqual(before);

    state.failing = false;
    const record = dataOf(
      await h.as('reviewer').post(`/api/v2/agents/${id}/publish`, { note: 'Works' }),
      publishRecordWireSchema,
    );
    expect(record).toMatchObject({ version: 2, note: 'Works', is_live: true });
    const staging = dataOf(await h.as('viewer').get(`/api/v2/agents/${id}`), agentDetailWireSchema);
    const production = dataOf(
      await h.as('viewer').get(`/api/v2/agents/${id}?environment=production`),
      agentDetailWireSchema,
    );
    expect(production.prefix_prompt).toBe('Be brief.');
    expect(production.instructions).toEqual(staging.instructions);
    expect(staging.has_unpublished_changes).toBe(false);
  });
});

describe('a rollback interrupted inside the transaction', () => {
  it('leaves staging, production and the history untouched, and later edits build on the real staging', async () => {
    const { h, state } = failingHarness();
    const id = await h.createAgent();
    const v1 = dataOf(await h.as('viewer').get(`/api/v2/agents/${id}/publishes`), publishListWireSchema)
      .publish_records[0]!.change_track_id;
    firstPublish.set(id, v1);
    await h.as('editor').put(`/api/v2/agents/${id}`, { sample_q1: 'Published question' });
    await h.as('reviewer').post(`/api/v2/agents/${id}/publish`, { note: 'Second' });
    await h.as('editor').put(`/api/v2/agents/${id}`, { sample_q2: 'Unpublished draft' });
    const before = await everything(h, id);

    state.calls = [];
    state.failing = true;
    const failed = await h.as('admin').put(`/api/v2/agents/${id}/rollback`, { change_track_id: v1 });
    expect(failed.status).toBe(500);
    expect(state.calls).toEqual([`rollback ${id}`]);
    expect(await everything(h, id)).toEqual(before);

    state.failing = false;
    // The next edit takes the revision the failed rollback would have taken: it must build on the
    // staging that is really stored, not on anything the failed rollback left in a cache.
    await h.as('editor').put(`/api/v2/agents/${id}`, { sample_q3: 'After the failure' });
    const staging = dataOf(await h.as('viewer').get(`/api/v2/agents/${id}`), agentDetailWireSchema);
    expect(staging).toMatchObject({
      sample_q1: 'Published question',
      sample_q2: 'Unpublished draft',
      sample_q3: 'After the failure',
      staging_rolled_back_to: null,
    });

    const rolled = dataOf(
      await h.as('admin').put(`/api/v2/agents/${id}/rollback`, { change_track_id: v1 }),
      agentDetailWireSchema,
    );
    expect(rolled).toMatchObject({
      sample_q1: '',
      sample_q2: '',
      sample_q3: '',
      staging_rolled_back_to: { version: 1 },
    });
  });
});
