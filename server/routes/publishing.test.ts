import { describe, expect, it } from 'vitest';
import {
  agentDetailWireSchema,
  diffSchema,
  nothingToPublishDataSchema,
  publishListWireSchema,
  publishRecordDetailWireSchema,
  publishRecordWireSchema,
  revertPreviewWireSchema,
  stagingChangedDetailsSchema,
  stagingDiffSchema,
} from '../../contract';
import { configOf, createHarness, dataOf, errorOf, type Harness } from '../testing/harness';

async function read(h: Harness, id: number, environment: 'staging' | 'production' = 'staging') {
  return dataOf(
    await h.as('viewer').get(`/api/v2/agents/${id}?environment=${environment}`),
    agentDetailWireSchema,
  );
}

/** The staging diff as a reviewer reads it. */
async function stagingDiffOf(h: Harness, id: number) {
  return dataOf(await h.as('reviewer').get(`/api/v2/agents/${id}/staging-diff`), stagingDiffSchema);
}

async function publishedVersions(h: Harness, id: number, count: number) {
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    await h.as('editor').put(`/api/v2/agents/${id}`, { sample_q1: `Question ${i}` });
    const record = dataOf(
      await h.as('reviewer').post(`/api/v2/agents/${id}/publish`, { note: `Release ${i}` }),
      publishRecordWireSchema,
    );
    ids.push(record.change_track_id);
  }
  return ids;
}

describe('publish', () => {
  it('makes production equal staging, records version 2, and then answers 409 NOTHING_TO_PUBLISH', async () => {
    const h = createHarness();
    const id = await h.createAgent();
    await h.as('editor').put(`/api/v2/agents/${id}`, { prefix_prompt: 'Be brief.', sample_q1: 'Hi' });
    await h.as('editor').post(`/api/v2/agents/${id}/tools/5/enable`);
    const response = await h
      .as('reviewer')
      .post(`/api/v2/agents/${id}/publish`, { note: 'Shorter prompt and Jira' });
    expect(response.status).toBe(201);
    const record = dataOf(response, publishRecordWireSchema);
    expect(record).toMatchObject({
      version: 2,
      note: 'Shorter prompt and Jira',
      published_by: { id: 2, email: 'reviewer@example.com', name: 'Daniel Reyes' },
      summary: {
        text: 'Agent settings: 2 changes · Tools: 1 change',
        sections: [
          { key: 'agent_settings', title: 'Agent settings', count: 2 },
          { key: 'tools', title: 'Tools', count: 1 },
        ],
      },
      rolled_back_to: null,
      is_live: true,
    });
    expect(record.published_on).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    const staging = await read(h, id);
    expect(configOf(await read(h, id, 'production'))).toEqual(configOf(staging));
    expect(staging).toMatchObject({
      has_unpublished_changes: false,
      live_version: 2,
      last_published_on: record.published_on,
    });

    const again = await h.as('reviewer').post(`/api/v2/agents/${id}/publish`, {});
    expect(again.status).toBe(409);
    const error = errorOf(again);
    expect(error.error.code).toBe('NOTHING_TO_PUBLISH');
    expect(nothingToPublishDataSchema.parse(error.data)).toEqual({ has_changes: false });
  });

  it('finds nothing to publish when a knowledge source was disconnected and connected again (only its place in the list moved)', async () => {
    const h = createHarness();
    const id = await h.createAgent();
    await h.as('editor').post(`/api/v2/agents/${id}/corpora`, { corpus_ids: [1213, 1227, 1225] });
    expect((await h.as('reviewer').post(`/api/v2/agents/${id}/publish`, { note: 'Sources' })).status).toBe(
      201,
    );
    await h.as('editor').delete(`/api/v2/agents/${id}/corpora/1227`);
    await h.as('editor').post(`/api/v2/agents/${id}/corpora/1227`);

    expect((await read(h, id)).has_unpublished_changes).toBe(false);
    expect((await stagingDiffOf(h, id)).has_changes).toBe(false);
    const publish = await h.as('reviewer').post(`/api/v2/agents/${id}/publish`, { note: 'Nothing' });
    expect(publish.status).toBe(409);
    expect(errorOf(publish).error.code).toBe('NOTHING_TO_PUBLISH');
  });

  it('answers 412 STAGING_CHANGED for a stale expected_fingerprint and changes nothing', async () => {
    const h = createHarness();
    const id = await h.createAgent();
    await h.as('editor').put(`/api/v2/agents/${id}`, { sample_q1: 'Reviewed' });
    const reviewed = await stagingDiffOf(h, id);
    await h.as('editor2').put(`/api/v2/agents/${id}`, { sample_q2: 'Sneaked in' });
    const response = await h
      .as('reviewer')
      .post(`/api/v2/agents/${id}/publish`, { expected_fingerprint: reviewed.staging_fingerprint });
    expect(response.status).toBe(412);
    const error = errorOf(response);
    expect(error.error.code).toBe('STAGING_CHANGED');
    const current = await stagingDiffOf(h, id);
    expect(stagingChangedDetailsSchema.parse(error.error.details)).toEqual({
      current_fingerprint: current.staging_fingerprint,
    });
    expect(await read(h, id, 'production')).toMatchObject({ sample_q1: '', sample_q2: '', live_version: 1 });
    expect(
      dataOf(await h.as('viewer').get(`/api/v2/agents/${id}/publishes`), publishListWireSchema).total_records,
    ).toBe(1);

    const ok = await h
      .as('reviewer')
      .post(`/api/v2/agents/${id}/publish`, { expected_fingerprint: current.staging_fingerprint });
    expect(ok.status).toBe(201);
  });

  it('answers 412 when production moved since the review, even if staging is back as reviewed', async () => {
    const h = createHarness();
    const id = await h.createAgent();
    await h.as('editor').put(`/api/v2/agents/${id}`, { sample_q1: 'Reviewed' });
    const reviewed = await stagingDiffOf(h, id);
    // Meanwhile: published, a change the reviewer never saw published too, then staging put
    // back as it was when reviewed.
    const first = await h.as('admin').post(`/api/v2/agents/${id}/publish`, {});
    const firstId = (first.body as { data: { change_track_id: number } }).data.change_track_id;
    await h.as('editor').patch(`/api/v2/agents/${id}/guardrails`, { guardrail_type: 'pii', enabled: false });
    await h.as('admin').post(`/api/v2/agents/${id}/publish`, {});
    await h.as('admin').put(`/api/v2/agents/${id}/rollback`, { change_track_id: firstId });
    expect((await read(h, id)).sample_q1).toBe('Reviewed');

    const response = await h
      .as('reviewer')
      .post(`/api/v2/agents/${id}/publish`, { expected_fingerprint: reviewed.staging_fingerprint });
    expect(response.status).toBe(412);
    expect(errorOf(response).error.code).toBe('STAGING_CHANGED');
    expect((await read(h, id, 'production')).live_version).toBe(3);
    const current = await stagingDiffOf(h, id);
    expect(current.sections.map((s) => s.key)).toEqual(['guardrails']);
    expect(
      (
        await h
          .as('reviewer')
          .post(`/api/v2/agents/${id}/publish`, { expected_fingerprint: current.staging_fingerprint })
      ).status,
    ).toBe(201);
  });

  it('publishes without a body and stores a missing note as null', async () => {
    const h = createHarness();
    const id = await h.createAgent();
    await h.as('editor').put(`/api/v2/agents/${id}`, { sample_q1: 'Hi' });
    const response = await h.as('admin').send('POST', `/api/v2/agents/${id}/publish`);
    expect(dataOf(response, publishRecordWireSchema).note).toBeNull();
  });

  it('refuses a body of only whitespace with 400, since it is not JSON, without publishing', async () => {
    const h = createHarness();
    const id = await h.createAgent();
    await h.as('editor').put(`/api/v2/agents/${id}`, { sample_q1: 'Hi' });
    for (const raw of [' ', '\n', ' \t\r\n ']) {
      const response = await h.as('reviewer').send('POST', `/api/v2/agents/${id}/publish`, {
        raw,
        headers: { 'Content-Type': 'application/json' },
      });
      expect(response.status, JSON.stringify(raw)).toBe(400);
    }
    expect((await read(h, id)).has_unpublished_changes).toBe(true);
  });

  it('refuses an unknown field, a too-long note and malformed JSON without publishing', async () => {
    const h = createHarness();
    const id = await h.createAgent();
    await h.as('editor').put(`/api/v2/agents/${id}`, { sample_q1: 'Hi' });
    expect(
      (await h.as('reviewer').post(`/api/v2/agents/${id}/publish`, { note: 'x', force: true })).status,
    ).toBe(422);
    expect(
      (await h.as('reviewer').post(`/api/v2/agents/${id}/publish`, { note: 'x'.repeat(2001) })).status,
    ).toBe(422);
    expect(
      (
        await h.as('reviewer').send('POST', `/api/v2/agents/${id}/publish`, {
          raw: '{',
          headers: { 'Content-Type': 'application/json' },
        })
      ).status,
    ).toBe(400);
    expect((await read(h, id)).has_unpublished_changes).toBe(true);
  });

  it('answers 404 when publishing an agent that does not exist', async () => {
    const h = createHarness();
    expect((await h.as('reviewer').post('/api/v2/agents/31/publish', {})).status).toBe(404);
  });
});

describe('publish history', () => {
  it('lists newest first with pagination and marks only the live record', async () => {
    const h = createHarness();
    const id = await h.createAgent();
    await publishedVersions(h, id, 4);
    const page = dataOf(
      await h.as('viewer').get(`/api/v2/agents/${id}/publishes?page=2&items_per_page=2`),
      publishListWireSchema,
    );
    expect(page).toMatchObject({ total_records: 5, current_page: 2, total_pages: 3 });
    expect(page.publish_records.map((r) => [r.version, r.is_live])).toEqual([
      [3, false],
      [2, false],
    ]);
    const first = dataOf(await h.as('viewer').get(`/api/v2/agents/${id}/publishes`), publishListWireSchema);
    expect(first.publish_records[0]).toMatchObject({ version: 5, is_live: true });
    expect((await h.as('viewer').get(`/api/v2/agents/${id}/publishes?items_per_page=500`)).status).toBe(422);
  });

  it('filters by publisher (any part of the e-mail or name, any case) and by text in the note', async () => {
    const h = createHarness();
    const id = await h.createAgent();
    await publishedVersions(h, id, 2);
    await h.as('editor').put(`/api/v2/agents/${id}`, { sample_q2: 'x' });
    await h.as('admin').post(`/api/v2/agents/${id}/publish`, { note: 'Hotfix for the holiday rota' });
    const versions = async (query: string) =>
      dataOf(
        await h.as('viewer').get(`/api/v2/agents/${id}/publishes?${query}`),
        publishListWireSchema,
      ).publish_records.map((r) => r.version);
    expect(await versions('published_by=reviewer@example.com')).toEqual([3, 2]);
    expect(await versions('published_by=admin@example.com')).toEqual([4, 1]);
    expect(await versions('published_by=nobody@example.com')).toEqual([]);
    expect(await versions('published_by=reviewer')).toEqual([3, 2]);
    expect(await versions('published_by=REVIEWER%40EXAMPLE')).toEqual([3, 2]);
    expect(await versions('published_by=Daniel%20Reyes')).toEqual([3, 2]);
    expect(await versions('published_by=okafor')).toEqual([4, 1]);
    expect(await versions('published_by=example.com')).toEqual([4, 3, 2, 1]);
    // LIKE's wildcards are plain characters here.
    expect(await versions('published_by=%25')).toEqual([]);
    expect(await versions('published_by=_')).toEqual([]);
    expect(await versions('q=holiday')).toEqual([4]);
    expect(await versions('q=release&published_by=reviewer@example.com')).toEqual([3, 2]);
    // A blank search is no search: records without a note (version 1's) stay.
    expect(await versions('q=')).toEqual([4, 3, 2, 1]);
    expect(await versions('q=%20%20&published_by=%20')).toEqual([4, 3, 2, 1]);
    // NUL, which no note holds, ended LIKE's pattern there, and the search matched every note.
    for (const query of ['q=%00', 'q=holiday%00', 'published_by=%00']) {
      const res = await h.as('viewer').get(`/api/v2/agents/${id}/publishes?${query}`);
      expect(res.status).toBe(422);
      expect(JSON.stringify(res.body)).toContain('A search cannot contain a NUL character');
    }
  });

  it('finds publishers and notes in any case and any script, with % and _ as plain characters', async () => {
    const h = createHarness();
    // Tomás Lindqvist creates the agent, which publishes version 1 in his name.
    const id = dataOf(
      await h.as('editor2').post('/api/v2/agents', { agent_name: 'Übersetzer', project_id: 103 }),
      agentDetailWireSchema,
    ).id;
    await h.as('editor').put(`/api/v2/agents/${id}`, { sample_q1: 'Wie geht’s?' });
    await h
      .as('admin')
      .post(`/api/v2/agents/${id}/publish`, { note: 'Überarbeitete Begrüßung für Ärzte: 100% geprüft' });
    const versions = async (query: Record<string, string>) =>
      dataOf(
        await h.as('viewer').get(`/api/v2/agents/${id}/publishes?${new URLSearchParams(query).toString()}`),
        publishListWireSchema,
      ).publish_records.map((r) => r.version);
    expect(await versions({ published_by: 'TOMÁS' })).toEqual([1]);
    expect(await versions({ published_by: 'tomás lindqvist' })).toEqual([1]);
    expect(await versions({ published_by: 'AMARA' })).toEqual([2]);
    expect(await versions({ q: 'ÜBERARBEITETE' })).toEqual([2]);
    expect(await versions({ q: 'BEGRÜSSUNG' })).toEqual([2]);
    expect(await versions({ q: 'ärzte: 100%' })).toEqual([2]);
    expect(await versions({ q: 'f_r' })).toEqual([]);
    expect(await versions({ q: 'ÜBERARBEITETE', published_by: 'tomás' })).toEqual([]);
  });

  it('returns one record with the snapshot it made live, and 404 for another agent’s record', async () => {
    const h = createHarness();
    const id = await h.createAgent();
    const other = await h.createAgent({ agent_name: 'Other' });
    const [v2] = await publishedVersions(h, id, 1);
    const detail = dataOf(
      await h.as('viewer').get(`/api/v2/agents/${id}/publishes/${v2}`),
      publishRecordDetailWireSchema,
    );
    expect(detail).toMatchObject({ version: 2, note: 'Release 0', is_live: true });
    expect(detail.snapshot.agent_settings.sample_q1).toBe('Question 0');
    expect((await h.as('viewer').get(`/api/v2/agents/${other}/publishes/${v2}`)).status).toBe(404);
    expect((await h.as('viewer').get(`/api/v2/agents/${id}/publishes/99999`)).status).toBe(404);
  });
});

describe('revert preview and rollback', () => {
  it('previews what a revert changes in staging and, once published, in production', async () => {
    const h = createHarness();
    const id = await h.createAgent();
    const [v2] = await publishedVersions(h, id, 2);
    await h.as('editor').put(`/api/v2/agents/${id}`, { sample_q3: 'Unpublished' });
    const preview = dataOf(
      await h.as('viewer').get(`/api/v2/agents/${id}/publishes/${v2}/diff`),
      revertPreviewWireSchema,
    );
    expect(preview).toMatchObject({ change_track_id: v2, version: 2, discards_unpublished_changes: true });
    expect(preview.staging.sections[0]?.changes.map((c) => [c.path, c.before, c.after])).toEqual([
      ['sample_q1', 'Question 1', 'Question 0'],
      ['sample_q3', 'Unpublished', ''],
    ]);
    expect(preview.production.sections[0]?.changes.map((c) => [c.path, c.before, c.after])).toEqual([
      ['sample_q1', 'Question 1', 'Question 0'],
    ]);
  });

  it('does not warn about discarding when staging equals production', async () => {
    const h = createHarness();
    const id = await h.createAgent();
    const [v2] = await publishedVersions(h, id, 2);
    const preview = dataOf(
      await h.as('viewer').get(`/api/v2/agents/${id}/publishes/${v2}/diff`),
      revertPreviewWireSchema,
    );
    expect(preview.discards_unpublished_changes).toBe(false);
  });

  it('sets staging to the snapshot, leaves production alone, and reports the rollback until the next publish', async () => {
    const h = createHarness();
    const id = await h.createAgent();
    const [v2, v3] = await publishedVersions(h, id, 2);
    const productionBefore = await read(h, id, 'production');
    const response = await h.as('admin').put(`/api/v2/agents/${id}/rollback`, { change_track_id: v2 });
    expect(response.status).toBe(200);
    const rolled = dataOf(response, agentDetailWireSchema);
    expect(rolled.staging_rolled_back_to).toMatchObject({
      change_track_id: v2,
      version: 2,
      by: 'admin@example.com',
    });
    expect(rolled.staging_revision).toBe(4);
    const snapshot = dataOf(
      await h.as('viewer').get(`/api/v2/agents/${id}/publishes/${v2}`),
      publishRecordDetailWireSchema,
    ).snapshot;
    const staging = await read(h, id);
    expect(staging.sample_q1).toBe('Question 0');
    expect(snapshot).toEqual(configOf(staging));
    const productionAfter = await read(h, id, 'production');
    expect(configOf(productionAfter)).toEqual(configOf(productionBefore));
    expect(productionAfter.live_version).toBe(productionBefore.live_version);

    const diff = dataOf(await h.as('viewer').get(`/api/v2/agents/${id}/staging-diff`), stagingDiffSchema);
    expect(diff.sections[0]?.changes[0]).toMatchObject({
      path: 'sample_q1',
      modified_by: 'admin@example.com',
    });

    const published = dataOf(
      await h.as('admin').post(`/api/v2/agents/${id}/publish`, { note: 'Back to v2' }),
      publishRecordWireSchema,
    );
    expect(published).toMatchObject({ version: 4, rolled_back_to: v2 });
    expect((await read(h, id)).staging_rolled_back_to).toBeNull();
    const history = dataOf(await h.as('viewer').get(`/api/v2/agents/${id}/publishes`), publishListWireSchema);
    expect(history.publish_records.map((r) => r.change_track_id)).toContain(v3);
  });

  it('reverting to what production holds only discards staging’s edits: no marker, and the next publish is no rollback', async () => {
    const h = createHarness();
    const id = await h.createAgent();
    const [v2, v3] = await publishedVersions(h, id, 2);
    const earlier = await h.as('admin').put(`/api/v2/agents/${id}/rollback`, { change_track_id: v2 });
    expect(dataOf(earlier, agentDetailWireSchema).staging_rolled_back_to).toMatchObject({ version: 2 });
    await h.as('editor').put(`/api/v2/agents/${id}`, { sample_q3: 'Unpublished' });

    const response = await h.as('admin').put(`/api/v2/agents/${id}/rollback`, { change_track_id: v3 });
    expect(response.status).toBe(200);
    const reverted = dataOf(response, agentDetailWireSchema);
    // The earlier revert's marker goes too: staging holds what is live, nothing waits to go live.
    expect(reverted.staging_rolled_back_to).toBeNull();
    expect(reverted.has_unpublished_changes).toBe(false);
    expect((response.body as { message: string }).message).toBe(
      'Staging now matches production again: nothing to publish',
    );

    await h.as('editor').put(`/api/v2/agents/${id}`, { sample_q2: 'An unrelated edit' });
    const published = dataOf(
      await h.as('admin').post(`/api/v2/agents/${id}/publish`, { note: 'Unrelated' }),
      publishRecordWireSchema,
    );
    expect(published.rolled_back_to).toBeNull();
  });

  it('drops the revert marker when staging is edited back to what production holds', async () => {
    const h = createHarness();
    const id = await h.createAgent();
    const [v2] = await publishedVersions(h, id, 2);
    await h.as('admin').put(`/api/v2/agents/${id}/rollback`, { change_track_id: v2 });
    // v3, live, has "Question 1"; the revert brought back v2's "Question 0".
    const back = await h.as('editor').put(`/api/v2/agents/${id}`, { sample_q1: 'Question 1' });
    expect(back.status).toBe(200);
    const agent = await read(h, id);
    expect(agent.has_unpublished_changes).toBe(false);
    expect(agent.staging_rolled_back_to).toBeNull();

    await h.as('editor').put(`/api/v2/agents/${id}`, { sample_q2: 'An unrelated edit' });
    const published = dataOf(
      await h.as('admin').post(`/api/v2/agents/${id}/publish`, { note: 'Unrelated' }),
      publishRecordWireSchema,
    );
    expect(published.rolled_back_to).toBeNull();
  });

  it('a revert to what staging already holds changes nothing, its revision included', async () => {
    const h = createHarness();
    const id = await h.createAgent();
    const [, v3] = await publishedVersions(h, id, 2);
    const before = await read(h, id);
    const response = await h.as('admin').put(`/api/v2/agents/${id}/rollback`, { change_track_id: v3 });
    expect(response.status).toBe(200);
    const after = dataOf(response, agentDetailWireSchema);
    expect(after.staging_revision).toBe(before.staging_revision);
    expect(after.modified_on).toBe(before.modified_on);
    // An editor who loaded staging before it saves without a conflict.
    const save = await h
      .as('editor')
      .put(
        `/api/v2/agents/${id}`,
        { sample_q1: 'Still mine' },
        { headers: { 'If-Match': `"${before.staging_revision}"` } },
      );
    expect(save.status).toBe(200);
  });

  it('answers 404 for another agent’s change_track_id and changes nothing', async () => {
    const h = createHarness();
    const id = await h.createAgent();
    const other = await h.createAgent({ agent_name: 'Other' });
    const [foreign] = await publishedVersions(h, other, 1);
    const response = await h.as('admin').put(`/api/v2/agents/${id}/rollback`, { change_track_id: foreign });
    expect(response.status).toBe(404);
    expect((await read(h, id)).staging_revision).toBe(1);
    expect((await h.as('viewer').get(`/api/v2/agents/${id}/publishes/${foreign}/diff`)).status).toBe(404);
  });

  it('honours If-Match and validates the body', async () => {
    const h = createHarness();
    const id = await h.createAgent();
    const [v2] = await publishedVersions(h, id, 1);
    await h.as('editor').put(`/api/v2/agents/${id}`, { sample_q2: 'x' });
    const stale = await h
      .as('admin')
      .put(`/api/v2/agents/${id}/rollback`, { change_track_id: v2 }, { headers: { 'If-Match': '"2"' } });
    expect(stale.status).toBe(412);
    expect(errorOf(stale).error.code).toBe('PRECONDITION_FAILED');
    expect((await h.as('admin').put(`/api/v2/agents/${id}/rollback`, { change_track_id: 'v2' })).status).toBe(
      422,
    );
    expect((await h.as('admin').put(`/api/v2/agents/${id}/rollback`, {})).status).toBe(422);
    expect((await read(h, id)).staging_rolled_back_to).toBeNull();
  });
});

describe('compare', () => {
  it('diffs any two of production, staging and this agent’s publishes', async () => {
    const h = createHarness();
    const id = await h.createAgent();
    const [v2, v3] = await publishedVersions(h, id, 2);
    await h.as('editor').put(`/api/v2/agents/${id}`, { sample_q2: 'Draft' });
    const compare = async (from: string, to: string) =>
      dataOf(await h.as('viewer').get(`/api/v2/agents/${id}/compare?from=${from}&to=${to}`), diffSchema);
    const pending = await compare('production', 'staging');
    expect(pending.sections[0]?.changes.map((c) => c.path)).toEqual(['sample_q2']);
    const versions = await compare(String(v2), String(v3));
    expect(versions.sections[0]?.changes.map((c) => [c.before, c.after])).toEqual([
      ['Question 0', 'Question 1'],
    ]);
    expect(await compare(String(v3), 'production')).toEqual({ has_changes: false, sections: [] });
  });

  it('answers 404 for a publish of another agent and 422 for a malformed ref', async () => {
    const h = createHarness();
    const id = await h.createAgent();
    const other = await h.createAgent({ agent_name: 'Other' });
    const [foreign] = await publishedVersions(h, other, 1);
    expect(
      (await h.as('viewer').get(`/api/v2/agents/${id}/compare?from=production&to=${foreign}`)).status,
    ).toBe(404);
    expect((await h.as('viewer').get(`/api/v2/agents/${id}/compare?from=live&to=staging`)).status).toBe(422);
    expect((await h.as('viewer').get(`/api/v2/agents/${id}/compare?from=production`)).status).toBe(422);
  });
});
