import { describe, expect, it } from 'vitest';
import {
  accessEditResultSchema,
  agentDetailWireSchema,
  guardrailsEditResultSchema,
  instructionAddedResultSchema,
  instructionsEditResultSchema,
  knowledgeSourcesEditResultSchema,
  settingsEditResultSchema,
  sharepointEditResultSchema,
  staleRevisionDetailsSchema,
  stagingDiffSchema,
  tagsEditResultSchema,
  toolsEditResultSchema,
} from '../../contract';
import { anyString, createHarness, dataOf, errorOf, type Harness } from '../testing/harness';

async function staging(h: Harness, id: number) {
  return dataOf(await h.as('viewer').get(`/api/v2/agents/${id}`), agentDetailWireSchema);
}

describe('settings edits', () => {
  it('changes staging only, bumps the revision and reports unpublished changes', async () => {
    const h = createHarness();
    const id = await h.createAgent();
    const response = await h
      .as('editor')
      .put(`/api/v2/agents/${id}`, { prefix_prompt: 'Be brief.', react_enabled: true });
    const result = dataOf(response, settingsEditResultSchema);
    expect(result).toMatchObject({
      prefix_prompt: 'Be brief.',
      react_enabled: true,
      staging_revision: 2,
      has_unpublished_changes: true,
    });
    expect(response.headers.get('ETag')).toBe('"2"');
    const production = dataOf(
      await h.as('viewer').get(`/api/v2/agents/${id}?environment=production`),
      agentDetailWireSchema,
    );
    expect(production.prefix_prompt).toBe('You are Northwind Health’s benefits assistant.');
  });

  it('succeeds without a new revision when the edit changes nothing', async () => {
    const h = createHarness();
    const id = await h.createAgent();
    const response = await h.as('editor').put(`/api/v2/agents/${id}`, { agent_name: 'Benefits Navigator' });
    expect(dataOf(response, settingsEditResultSchema)).toMatchObject({
      staging_revision: 1,
      has_unpublished_changes: false,
    });
    expect((await staging(h, id)).modified_by).toBe('admin@example.com');
  });

  it('reports has_unpublished_changes false again when an edit restores production', async () => {
    const h = createHarness();
    const id = await h.createAgent();
    await h.as('editor').put(`/api/v2/agents/${id}`, { reasoning_mode: 'high' });
    const back = await h.as('editor').put(`/api/v2/agents/${id}`, { reasoning_mode: 'off' });
    expect(dataOf(back, settingsEditResultSchema)).toMatchObject({
      staging_revision: 3,
      has_unpublished_changes: false,
    });
  });

  it('refuses access, tags, unknown fields, wrong types and an empty body with 422, changing nothing', async () => {
    const h = createHarness();
    const id = await h.createAgent();
    const bodies = [
      { access: 'Public' },
      { tags: ['a'] },
      { colour: 'red' },
      { react_max_iteration_count: 'five' },
      { react_max_iteration_count: 51 },
      {},
      { agent_name: '   ' },
    ];
    for (const body of bodies) {
      const response = await h.as('editor').put(`/api/v2/agents/${id}`, body);
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect(errorOf(response).error.code).toBe('VALIDATION_ERROR');
    }
    expect(
      (
        await h.as('editor').send('PUT', `/api/v2/agents/${id}`, {
          raw: 'not json',
          headers: { 'Content-Type': 'application/json' },
        })
      ).status,
    ).toBe(400);
    expect((await h.as('editor').send('PUT', `/api/v2/agents/${id}`)).status).toBe(400);
    expect(await staging(h, id)).toMatchObject({ staging_revision: 1, has_unpublished_changes: false });
  });

  it('answers 404 for editing an agent that does not exist', async () => {
    const h = createHarness();
    const response = await h.as('editor').put('/api/v2/agents/77', { agent_name: 'X' });
    expect(response.status).toBe(404);
  });
});

describe('bodies that are not JSON in UTF-8', () => {
  it('are refused with 400, saying what to send, and change nothing', async () => {
    const h = createHarness();
    const id = await h.createAgent();
    const body = '{"access":"Public"}';
    const cases: {
      name: string;
      headers: Record<string, string>;
      raw?: Uint8Array<ArrayBuffer>;
      message: RegExp;
    }[] = [
      {
        name: 'text/plain',
        headers: { 'Content-Type': 'text/plain' },
        message: /Content-Type: application\/json/,
      },
      {
        name: 'a form',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        message: /as JSON/,
      },
      { name: 'no type', headers: {}, message: /as JSON/ },
      {
        name: 'another charset',
        headers: { 'Content-Type': 'application/json; charset=latin1' },
        message: /UTF-8/,
      },
      {
        name: 'gzip',
        headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
        message: /uncompressed/,
      },
      {
        name: 'invalid UTF-8',
        headers: { 'Content-Type': 'application/json' },
        raw: new Uint8Array([
          ...new TextEncoder().encode('{"access":"Pub'),
          0xff,
          0xfe,
          ...new TextEncoder().encode('lic"}'),
        ]),
        message: /not valid UTF-8/,
      },
    ];
    for (const c of cases) {
      const response = await h
        .as('editor')
        .send('PUT', `/api/v2/agents/${id}/access`, { raw: c.raw ?? body, headers: c.headers });
      expect(response.status, c.name).toBe(400);
      expect(errorOf(response).error.code, c.name).toBe('BAD_REQUEST');
      expect(errorOf(response).message, c.name).toMatch(c.message);
    }
    expect(await staging(h, id)).toMatchObject({ staging_revision: 1, has_unpublished_changes: false });
    const fine = await h.as('editor').send('PUT', `/api/v2/agents/${id}/access`, {
      raw: body,
      headers: { 'Content-Type': 'Application/JSON; charset="UTF-8"' },
    });
    expect(fine.status).toBe(200);
  });
});

describe('If-Match', () => {
  it('answers 412 with the current revision, who changed it and the part as it stands', async () => {
    const h = createHarness();
    const id = await h.createAgent();
    await h.as('editor2').post(`/api/v2/agents/${id}/instructions`, { instruction: 'Cite the policy.' });
    const stale = await h
      .as('editor')
      .post(
        `/api/v2/agents/${id}/instructions`,
        { instruction: 'Be brief.' },
        { headers: { 'If-Match': '"1"' } },
      );
    expect(stale.status).toBe(412);
    const error = errorOf(stale);
    expect(error.error.code).toBe('PRECONDITION_FAILED');
    const details = staleRevisionDetailsSchema.parse(error.error.details);
    expect(details).toEqual({
      current_revision: 2,
      modified_by: 'editor2@example.com',
      modified_on: anyString,
      current: [{ id: expect.any(Number) as unknown, instruction: 'Cite the policy.' }],
    });
    expect((await staging(h, id)).instructions).toHaveLength(1);
  });

  it('accepts the current revision quoted or bare, and * as anything', async () => {
    const h = createHarness();
    const id = await h.createAgent();
    const quoted = await h
      .as('editor')
      .put(`/api/v2/agents/${id}`, { sample_q1: 'A' }, { headers: { 'If-Match': '"1"' } });
    expect(dataOf(quoted, settingsEditResultSchema).staging_revision).toBe(2);
    const bare = await h
      .as('editor')
      .put(`/api/v2/agents/${id}`, { sample_q1: 'B' }, { headers: { 'If-Match': '2' } });
    expect(dataOf(bare, settingsEditResultSchema).staging_revision).toBe(3);
    const star = await h
      .as('editor')
      .put(`/api/v2/agents/${id}`, { sample_q1: 'C' }, { headers: { 'If-Match': '*' } });
    expect(dataOf(star, settingsEditResultSchema).staging_revision).toBe(4);
  });

  it('lets the last write win without If-Match', async () => {
    const h = createHarness();
    const id = await h.createAgent();
    await h.as('editor').put(`/api/v2/agents/${id}`, { sample_q1: 'First' });
    await h.as('editor2').put(`/api/v2/agents/${id}`, { sample_q1: 'Second' });
    expect((await staging(h, id)).sample_q1).toBe('Second');
  });

  it('answers 400 to an If-Match that is not a revision', async () => {
    const h = createHarness();
    const id = await h.createAgent();
    const response = await h
      .as('editor')
      .put(`/api/v2/agents/${id}`, { sample_q1: 'A' }, { headers: { 'If-Match': '"abc"' } });
    expect(response.status).toBe(400);
    expect(errorOf(response).error.code).toBe('BAD_REQUEST');
  });

  it('answers 400 to a malformed If-Match, and 412 to a weak one, which never matches', async () => {
    const h = createHarness();
    const id = await h.createAgent();
    for (const value of ['"1', '1"', '', '  ', 'W/1', '"1", "2"']) {
      const response = await h
        .as('editor')
        .put(`/api/v2/agents/${id}`, { sample_q1: 'A' }, { headers: { 'If-Match': value } });
      expect(response.status, JSON.stringify(value)).toBe(400);
    }
    const weak = await h
      .as('editor')
      .put(`/api/v2/agents/${id}`, { sample_q1: 'A' }, { headers: { 'If-Match': 'W/"1"' } });
    expect(weak.status).toBe(412);
    expect(staleRevisionDetailsSchema.parse(errorOf(weak).error.details).current_revision).toBe(1);
    expect((await staging(h, id)).staging_revision).toBe(1);
  });

  it('returns the edited section as current for a stale tools edit', async () => {
    const h = createHarness();
    const id = await h.createAgent();
    await h.as('editor').post(`/api/v2/agents/${id}/tools/6/enable`);
    const stale = await h
      .as('editor2')
      .send('DELETE', `/api/v2/agents/${id}/tools/6/disable`, { headers: { 'If-Match': '"1"' } });
    const details = staleRevisionDetailsSchema.parse(errorOf(stale).error.details);
    expect(details.current).toMatchObject([{ tool: { id: 6, name: 'ServiceNow' }, is_enabled: true }]);
  });
});

describe('instructions', () => {
  it('adds with 201 and a fresh id, edits text and order, and deletes', async () => {
    const h = createHarness();
    const id = await h.createAgent();
    const first = await h
      .as('editor')
      .post(`/api/v2/agents/${id}/instructions`, { instruction: 'Cite the policy.' });
    expect(first.status).toBe(201);
    const a = dataOf(first, instructionAddedResultSchema);
    expect(a).toMatchObject({ instruction: 'Cite the policy.', staging_revision: 2 });
    const b = dataOf(
      await h.as('editor').post(`/api/v2/agents/${id}/instructions`, { instruction: 'Be brief.' }),
      instructionAddedResultSchema,
    );
    expect(b.id).not.toBe(a.id);

    const reordered = await h.as('editor').put(`/api/v2/agents/${id}/instructions`, {
      instructions: [
        { id: b.id, instruction: 'Be brief and kind.' },
        { id: a.id, instruction: 'Cite the policy.' },
      ],
    });
    expect(dataOf(reordered, instructionsEditResultSchema).instructions.map((i) => i.instruction)).toEqual([
      'Be brief and kind.',
      'Cite the policy.',
    ]);

    const removed = await h.as('editor').delete(`/api/v2/agents/${id}/instructions/${a.id}`);
    expect(dataOf(removed, instructionsEditResultSchema)).toMatchObject({
      instructions: [{ id: b.id }],
      staging_revision: 5,
    });
    expect((await h.as('editor').delete(`/api/v2/agents/${id}/instructions/${a.id}`)).status).toBe(404);
  });

  it('refuses empty instructions, unknown ids and duplicates with 422', async () => {
    const h = createHarness();
    const id = await h.createAgent();
    const added = dataOf(
      await h.as('editor').post(`/api/v2/agents/${id}/instructions`, { instruction: 'Cite.' }),
      instructionAddedResultSchema,
    );
    expect(
      (await h.as('editor').post(`/api/v2/agents/${id}/instructions`, { instruction: '  ' })).status,
    ).toBe(422);
    const unknown = await h
      .as('editor')
      .put(`/api/v2/agents/${id}/instructions`, { instructions: [{ id: 999_999, instruction: 'New' }] });
    expect(unknown.status).toBe(422);
    expect(errorOf(unknown).error.details).toEqual([{ field: 'instructions.0.id', message: anyString }]);
    const duplicate = await h.as('editor').put(`/api/v2/agents/${id}/instructions`, {
      instructions: [added, added].map((i) => ({ id: i.id, instruction: i.instruction })),
    });
    expect(duplicate.status).toBe(422);
    expect((await staging(h, id)).instructions).toEqual([{ id: added.id, instruction: 'Cite.' }]);
  });

  it('refuses a list that leaves instructions out: the edit changes text and order, and removes nothing', async () => {
    const h = createHarness();
    const id = await h.createAgent();
    const add = async (instruction: string) =>
      dataOf(
        await h.as('editor').post(`/api/v2/agents/${id}/instructions`, { instruction }),
        instructionAddedResultSchema,
      );
    const first = await add('Cite.');
    const second = await add('Be brief.');
    const third = await add('Ask before booking.');
    const partial = await h.as('editor').put(`/api/v2/agents/${id}/instructions`, {
      instructions: [{ id: first.id, instruction: 'Cite the policy.' }],
    });
    expect(partial.status).toBe(422);
    expect(errorOf(partial).error.details).toEqual([
      {
        field: 'instructions',
        message: `The list leaves out instructions ${second.id}, ${third.id}: send every instruction, and remove instructions with DELETE`,
      },
    ]);
    const empty = await h.as('editor').put(`/api/v2/agents/${id}/instructions`, { instructions: [] });
    expect(empty.status).toBe(422);
    expect((await staging(h, id)).instructions.map((i) => i.id)).toEqual([first.id, second.id, third.id]);
  });
});

describe('knowledge sources', () => {
  it('connects in bulk, makes the first connected the default, and disconnects in bulk', async () => {
    const h = createHarness();
    const id = await h.createAgent();
    const connected = dataOf(
      await h.as('editor').post(`/api/v2/agents/${id}/corpora`, { corpus_ids: [1227, 1213] }),
      knowledgeSourcesEditResultSchema,
    );
    expect(connected.knowledge_sources.corpora).toEqual([
      { corpus: { id: 1227, name: 'HR policies' }, is_enabled: true, is_default: true },
      { corpus: { id: 1213, name: 'Benefits guide 2026' }, is_enabled: true, is_default: false },
    ]);
    const disconnected = dataOf(
      await h.as('editor').delete(`/api/v2/agents/${id}/corpora`, { corpus_ids: [1227] }),
      knowledgeSourcesEditResultSchema,
    );
    expect(disconnected.knowledge_sources.corpora).toEqual([
      { corpus: { id: 1213, name: 'Benefits guide 2026' }, is_enabled: true, is_default: true },
    ]);
  });

  it('moves the default with PUT is_default and disables with is_enabled false', async () => {
    const h = createHarness();
    const id = await h.createAgent();
    await h.as('editor').post(`/api/v2/agents/${id}/corpora/1227`);
    await h.as('editor').post(`/api/v2/agents/${id}/corpora/1213`);
    const moved = dataOf(
      await h.as('editor').put(`/api/v2/agents/${id}/corpora/1213`, { is_default: true }),
      knowledgeSourcesEditResultSchema,
    );
    expect(moved.knowledge_sources.corpora.map((c) => [c.corpus.id, c.is_default])).toEqual([
      [1227, false],
      [1213, true],
    ]);
    const disabled = dataOf(
      await h.as('editor').put(`/api/v2/agents/${id}/corpora/1227`, { is_enabled: false }),
      knowledgeSourcesEditResultSchema,
    );
    expect(disabled.knowledge_sources.corpora[0]?.is_enabled).toBe(false);
    const removed = dataOf(
      await h.as('editor').delete(`/api/v2/agents/${id}/corpora/1227`),
      knowledgeSourcesEditResultSchema,
    );
    expect(removed.knowledge_sources.corpora.map((c) => c.corpus.id)).toEqual([1213]);
  });

  it('answers 404 for a corpus that does not exist or is not connected, and 422 in a bulk list', async () => {
    const h = createHarness();
    const id = await h.createAgent();
    expect((await h.as('editor').post(`/api/v2/agents/${id}/corpora/4040`)).status).toBe(404);
    expect((await h.as('editor').put(`/api/v2/agents/${id}/corpora/1227`, { is_enabled: true })).status).toBe(
      404,
    );
    expect((await h.as('editor').delete(`/api/v2/agents/${id}/corpora/1227`)).status).toBe(404);
    const bulk = await h.as('editor').post(`/api/v2/agents/${id}/corpora`, { corpus_ids: [1227, 4040] });
    expect(bulk.status).toBe(422);
    expect((await h.as('editor').post(`/api/v2/agents/${id}/corpora`, { corpus_ids: [] })).status).toBe(422);
    expect((await h.as('editor').put(`/api/v2/agents/${id}/corpora/1227`, {})).status).toBe(422);
    expect((await staging(h, id)).knowledge_sources.corpora).toEqual([]);
  });

  it('connects one SharePoint folder (409 for a second), changes it (404 when none) and removes it', async () => {
    const h = createHarness();
    const id = await h.createAgent();
    const path = `/api/v2/agents/${id}/sharepoint/folder`;
    expect(
      (await h.as('editor').put(path, { folder_url: 'https://northwind.sharepoint.com/sites/hr/A' })).status,
    ).toBe(404);
    expect((await h.as('editor').delete(path)).status).toBe(404);
    const created = await h.as('editor').post(path, {
      folder_url: 'https://northwind.sharepoint.com/sites/hr/Policies%20and%20Forms',
      include_subfolders: false,
    });
    expect(created.status).toBe(201);
    expect(dataOf(created, sharepointEditResultSchema).sharepoint_folder).toEqual({
      folder_url: 'https://northwind.sharepoint.com/sites/hr/Policies%20and%20Forms',
      folder_name: 'Policies and Forms',
      include_subfolders: false,
    });
    const second = await h
      .as('editor')
      .post(path, { folder_url: 'https://northwind.sharepoint.com/sites/it/Docs' });
    expect(second.status).toBe(409);
    // Spaces as typed are stored as the browser writes them.
    const spaced = await h.as('editor').put(path, {
      folder_url: 'https://northwind.sharepoint.com/sites/hr/Policies and Forms',
    });
    expect(dataOf(spaced, sharepointEditResultSchema).sharepoint_folder?.folder_url).toBe(
      'https://northwind.sharepoint.com/sites/hr/Policies%20and%20Forms',
    );
    expect(errorOf(second).error.code).toBe('CONFLICT');
    const changed = await h.as('editor').put(path, {
      folder_url: 'https://northwind.sharepoint.com/sites/hr/Archive',
      folder_name: 'HR archive',
    });
    expect(dataOf(changed, sharepointEditResultSchema).sharepoint_folder).toEqual({
      folder_url: 'https://northwind.sharepoint.com/sites/hr/Archive',
      folder_name: 'HR archive',
      include_subfolders: false,
    });
    expect(
      dataOf(await h.as('editor').delete(path), sharepointEditResultSchema).sharepoint_folder,
    ).toBeNull();
  });

  it('holds a folder name taken from the URL to the rules of a name sent, and stores nothing when it breaks them', async () => {
    const h = createHarness();
    const id = await h.createAgent();
    const path = `/api/v2/agents/${id}/sharepoint/folder`;
    const base = 'https://northwind.sharepoint.com/sites/hr/';
    const cases: [string, RegExp][] = [
      ['a%00b', /cannot contain control characters/],
      ['a%0Ab', /cannot contain control characters/],
      ['evil%E2%80%AEfdp.exe', /text-direction controls/],
      ['a%E2%80%8Bb', /invisible characters/],
      ['x'.repeat(400), /longer than 300 characters/],
    ];
    for (const [last, message] of cases) {
      const response = await h.as('editor').post(path, { folder_url: `${base}${last}` });
      expect(response.status, last).toBe(422);
      const details = errorOf(response).error.details as { field: string; message: string }[];
      expect(details[0]?.field).toBe('folder_name');
      expect(details[0]?.message).toMatch(message);
      expect(details[0]?.message).toMatch(/^The folder name taken from the URL .*Give the folder a name\.$/);
    }
    const agent = dataOf(await h.as('viewer').get(`/api/v2/agents/${id}`), agentDetailWireSchema);
    expect(agent.knowledge_sources.sharepoint_folder).toBeNull();
    expect(agent.has_unpublished_changes).toBe(false);

    // Given a name, the same URL is fine; changing it to such a URL without one is refused.
    const named = await h.as('editor').post(path, { folder_url: `${base}a%00b`, folder_name: 'HR' });
    expect(named.status).toBe(201);
    const moved = await h.as('editor').put(path, { folder_url: `${base}x%09y` });
    expect(moved.status).toBe(422);
    expect(dataOf(named, sharepointEditResultSchema).sharepoint_folder?.folder_name).toBe('HR');
  });

  it('rejects a folder URL that is not on sharepoint.com over https', async () => {
    const h = createHarness();
    const id = await h.createAgent();
    for (const folder_url of [
      'http://northwind.sharepoint.com/sites/a',
      'https://example.com/a',
      'not a url',
      // Each of these names another host than a *.sharepoint.com one.
      'https://attacker.example#.sharepoint.com/x',
      'https://attacker.example?.sharepoint.com/x',
      'https://user:pw@attacker.example#.sharepoint.com/',
      'https://attacker.example\\.sharepoint.com/',
      'https://northwind.sharepoint.com.attacker.example/',
    ]) {
      const response = await h.as('editor').post(`/api/v2/agents/${id}/sharepoint/folder`, { folder_url });
      expect(response.status, folder_url).toBe(422);
      expect(JSON.stringify(errorOf(response).error.details), folder_url).toMatch(
        /Enter a full URL|Use an https:\/\/ address on a \*\.sharepoint\.com site/,
      );
    }
    // The site alone is no folder: the message asks for the path, not for another site.
    for (const folder_url of [
      'https://northwind.sharepoint.com',
      'https://northwind.sharepoint.com/',
      'https://northwind.sharepoint.com/?x',
      'https://northwind.sharepoint.com/#a',
    ]) {
      const response = await h.as('editor').post(`/api/v2/agents/${id}/sharepoint/folder`, { folder_url });
      expect(response.status, folder_url).toBe(422);
      expect(JSON.stringify(errorOf(response).error.details), folder_url).toMatch(/Add the folder’s path/);
    }
  });
});

describe('tools', () => {
  it('links an org tool with all its actions enabled at their default config, and disable keeps the actions', async () => {
    const h = createHarness();
    const id = await h.createAgent();
    const enabled = dataOf(
      await h.as('editor').post(`/api/v2/agents/${id}/tools/5/enable`),
      toolsEditResultSchema,
    );
    expect(enabled.tools).toEqual([
      {
        tool: { id: 5, name: 'Jira', type: 'jira' },
        is_enabled: true,
        actions: [
          {
            id: 9,
            name: 'Create issue',
            is_enabled: true,
            config: { project_key: 'HELP', issue_type: 'Task', priority: 'Medium', labels: ['ejento'] },
          },
          {
            id: 10,
            name: 'Search issues',
            is_enabled: true,
            config: { max_results: 10, jql_prefix: 'project = HELP' },
          },
          { id: 11, name: 'Add comment', is_enabled: true, config: { visibility: 'internal' } },
        ],
      },
    ]);
    const disabled = dataOf(
      await h.as('editor').delete(`/api/v2/agents/${id}/tools/5/disable`),
      toolsEditResultSchema,
    );
    expect(disabled.tools[0]).toMatchObject({
      is_enabled: false,
      actions: [{ id: 9 }, { id: 10 }, { id: 11 }],
    });
    const again = dataOf(
      await h.as('editor').post(`/api/v2/agents/${id}/tools/5/enable`),
      toolsEditResultSchema,
    );
    expect(again.tools[0]?.is_enabled).toBe(true);
  });

  it('refuses an action configuration nested past the limit with 422, never a 500', async () => {
    const h = createHarness();
    const id = await h.createAgent();
    await h.as('editor').post(`/api/v2/agents/${id}/tools/5/enable`);
    // A few kilobytes, well under the size limit, but nested deep enough to overflow a recursive walk.
    let deep: unknown = 1;
    for (let level = 0; level < 5_000; level++) deep = [deep];
    const response = await h
      .as('editor')
      .patch(`/api/v2/agents/${id}/tools/5/actions/9`, { config: { a: deep } });
    expect(response.status).toBe(422);
    expect(JSON.stringify(errorOf(response).error.details)).toMatch(
      /nested too deeply \(100 levels at most\)/,
    );
  });

  it('refuses an action configuration that would not be stored as sent', async () => {
    const h = createHarness();
    const id = await h.createAgent();
    await h.as('editor').post(`/api/v2/agents/${id}/tools/5/enable`);
    const cases: [string, RegExp][] = [
      ['{"config":{"limit":1e309}}', /number at “limit” is out of range/],
      ['{"config":{"a":[1,{"b":-1e400}]}}', /number at “a\[1\]\.b” is out of range/],
      ['{"config":{"__proto__":{"role":"admin"},"keep":1}}', /“__proto__” cannot be used as a key/],
      ['{"config":{"a":{"__proto__":1}}}', /“__proto__” cannot be used as a key/],
    ];
    for (const [raw, message] of cases) {
      const response = await h.as('editor').send('PATCH', `/api/v2/agents/${id}/tools/5/actions/9`, {
        raw,
        headers: { 'Content-Type': 'application/json' },
      });
      expect(response.status, raw).toBe(422);
      expect(JSON.stringify(errorOf(response).error.details), raw).toMatch(message);
    }
    expect((await staging(h, id)).staging_revision).toBe(2);
  });

  it('configures, disables and enables actions of a linked tool only', async () => {
    const h = createHarness();
    const id = await h.createAgent();
    expect(
      (
        await h
          .as('editor')
          .patch(`/api/v2/agents/${id}/tools/5/actions/9`, { config: { project_key: 'HR' } })
      ).status,
    ).toBe(404);
    expect((await h.as('editor').post(`/api/v2/agents/${id}/tools/5/actions/9/disable`)).status).toBe(404);
    await h.as('editor').post(`/api/v2/agents/${id}/tools/5/enable`);
    const configured = dataOf(
      await h.as('editor').patch(`/api/v2/agents/${id}/tools/5/actions/9`, { config: { project_key: 'HR' } }),
      toolsEditResultSchema,
    );
    expect(configured.tools[0]?.actions[0]?.config).toEqual({ project_key: 'HR' });
    const off = dataOf(
      await h.as('editor').post(`/api/v2/agents/${id}/tools/5/actions/10/disable`),
      toolsEditResultSchema,
    );
    expect(off.tools[0]?.actions[1]?.is_enabled).toBe(false);
    const on = dataOf(
      await h.as('editor').post(`/api/v2/agents/${id}/tools/5/actions/10/enable`),
      toolsEditResultSchema,
    );
    expect(on.tools[0]?.actions[1]?.is_enabled).toBe(true);
    expect((await h.as('editor').post(`/api/v2/agents/${id}/tools/5/actions/12/enable`)).status).toBe(404);
  });

  it('answers 404 for an org tool that does not exist, 422 for a config that is not an object', async () => {
    const h = createHarness();
    const id = await h.createAgent();
    expect((await h.as('editor').post(`/api/v2/agents/${id}/tools/404/enable`)).status).toBe(404);
    await h.as('editor').post(`/api/v2/agents/${id}/tools/5/enable`);
    for (const body of [
      { config: [1, 2] },
      { config: 'x' },
      { config: {}, extra: 1 },
      { config: { blob: 'x'.repeat(70_000) } },
    ]) {
      expect((await h.as('editor').patch(`/api/v2/agents/${id}/tools/5/actions/9`, body)).status).toBe(422);
    }
  });
});

describe('guardrails, access and tags', () => {
  it('toggles a guardrail by type and rejects an unknown type with 422', async () => {
    const h = createHarness();
    const id = await h.createAgent();
    const result = dataOf(
      await h
        .as('editor')
        .patch(`/api/v2/agents/${id}/guardrails`, { guardrail_type: 'toxicity', enabled: true }),
      guardrailsEditResultSchema,
    );
    expect(result.guardrails.find((g) => g.type === 'toxicity')).toEqual({
      type: 'toxicity',
      name: 'Toxicity filter',
      enabled: true,
    });
    const unknown = await h
      .as('editor')
      .patch(`/api/v2/agents/${id}/guardrails`, { guardrail_type: 'vibes', enabled: true });
    expect(unknown.status).toBe(422);
    expect(errorOf(unknown).error.details).toEqual([{ field: 'guardrail_type', message: anyString }]);
    expect(
      (
        await h
          .as('editor')
          .patch(`/api/v2/agents/${id}/guardrails`, { guardrail_type: 'pii', enabled: 'yes' })
      ).status,
    ).toBe(422);
  });

  it('sets access and adds and removes tags without duplicates', async () => {
    const h = createHarness();
    const id = await h.createAgent();
    expect(
      dataOf(
        await h.as('editor').put(`/api/v2/agents/${id}/access`, { access: 'Public' }),
        accessEditResultSchema,
      ).access,
    ).toBe('Public');
    expect((await h.as('editor').put(`/api/v2/agents/${id}/access`, { access: 'Everyone' })).status).toBe(
      422,
    );
    const tagged = dataOf(
      await h.as('editor').post(`/api/v2/agents/${id}/annotates`, { add: ['hr', 'benefits', 'hr'] }),
      tagsEditResultSchema,
    );
    expect(tagged.tags).toEqual(['hr', 'benefits']);
    const retagged = dataOf(
      await h.as('editor').post(`/api/v2/agents/${id}/annotates`, { add: ['pilot'], remove: ['hr'] }),
      tagsEditResultSchema,
    );
    expect(retagged.tags).toEqual(['benefits', 'pilot']);
    const tooMany = await h
      .as('editor')
      .post(`/api/v2/agents/${id}/annotates`, { add: Array.from({ length: 50 }, (_, i) => `t${i}`) });
    expect(tooMany.status).toBe(422);
    expect((await staging(h, id)).tags).toEqual(['benefits', 'pilot']);
    // A no-break or thin space is a space: no second tag that looks like the first.
    const spaced = dataOf(
      await h.as('editor').post(`/api/v2/agents/${id}/annotates`, {
        add: ['open enrolment', 'open\u00a0enrolment', ' open\u2009 enrolment\u00a0'],
      }),
      tagsEditResultSchema,
    );
    expect(spaced.tags).toEqual(['benefits', 'pilot', 'open enrolment']);
  });
});

describe('staging-diff', () => {
  it('shows production → staging with who last changed each field, and nothing unchanged', async () => {
    const h = createHarness();
    const id = await h.createAgent();
    await h.as('editor').put(`/api/v2/agents/${id}`, { prefix_prompt: 'Be brief.' });
    await h
      .as('editor2')
      .patch(`/api/v2/agents/${id}/guardrails`, { guardrail_type: 'toxicity', enabled: true });
    const diff = dataOf(await h.as('viewer').get(`/api/v2/agents/${id}/staging-diff`), stagingDiffSchema);
    expect(diff).toMatchObject({
      agent_id: id,
      has_changes: true,
      staging_fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown,
    });
    expect(diff.sections.map((s) => s.key)).toEqual(['agent_settings', 'guardrails']);
    expect(diff.sections[0]?.changes).toEqual([
      {
        path: 'prefix_prompt',
        label: 'System prompt',
        change: 'modified',
        before: 'You are Northwind Health’s benefits assistant.',
        after: 'Be brief.',
        modified_by: 'editor@example.com',
        modified_on: anyString,
      },
    ]);
    expect(diff.sections[1]?.changes[0]).toMatchObject({
      path: 'guardrails/toxicity',
      modified_by: 'editor2@example.com',
    });
  });

  it('reports has_changes false and no sections when staging equals production', async () => {
    const h = createHarness();
    const id = await h.createAgent();
    const diff = dataOf(await h.as('viewer').get(`/api/v2/agents/${id}/staging-diff`), stagingDiffSchema);
    expect(diff).toMatchObject({ has_changes: false, sections: [] });
    expect(diff.live_change_track_id).toEqual(expect.any(Number));
  });

  it('follows a new edit even right after a cached read', async () => {
    const h = createHarness();
    const id = await h.createAgent();
    await h.as('viewer').get(`/api/v2/agents/${id}/staging-diff`);
    await h.as('editor').put(`/api/v2/agents/${id}`, { sample_q2: 'New question' });
    const diff = dataOf(await h.as('viewer').get(`/api/v2/agents/${id}/staging-diff`), stagingDiffSchema);
    expect(diff.sections[0]?.changes.map((c) => c.path)).toEqual(['sample_q2']);
  });
});

describe('control characters', () => {
  const oneLine = (subject: string, code: string, at: number) =>
    `${subject} cannot contain control characters such as tabs or line breaks (found ${code} at character ${at})`;
  const multiLine = (subject: string, code: string, line: number) =>
    `${subject} cannot contain control characters other than tabs and line breaks (found ${code} on line ${line})`;

  it('refuses them in every text an edit or a publish sends, with 422 naming the field, changing nothing', async () => {
    const h = createHarness();
    const id = await h.createAgent();
    await h.as('editor').post(`/api/v2/agents/${id}/tools/5/enable`);
    const instruction = dataOf(
      await h.as('editor').post(`/api/v2/agents/${id}/instructions`, { instruction: 'Cite.' }),
      instructionAddedResultSchema,
    );
    const before = await staging(h, id);
    const folder = `/api/v2/agents/${id}/sharepoint/folder`;
    const cases: { method: string; path: string; body: unknown; field: string; message: string }[] = [
      {
        method: 'PUT',
        path: `/api/v2/agents/${id}`,
        body: { agent_name: '\u0000abc' },
        field: 'agent_name',
        message: oneLine('The name', 'U+0000', 1),
      },
      {
        method: 'PUT',
        path: `/api/v2/agents/${id}`,
        body: { agent_name: 'Tab\there' },
        field: 'agent_name',
        message: oneLine('The name', 'U+0009', 4),
      },
      {
        method: 'PUT',
        path: `/api/v2/agents/${id}`,
        body: { agent_name: 'Rubout\u007f' },
        field: 'agent_name',
        message: oneLine('The name', 'U+007F', 7),
      },
      {
        method: 'PUT',
        path: `/api/v2/agents/${id}`,
        body: { sample_q2: 'Two\nlines?' },
        field: 'sample_q2',
        message: oneLine('A sample question', 'U+000A', 4),
      },
      {
        method: 'PUT',
        path: `/api/v2/agents/${id}`,
        body: { prefix_prompt: 'You are helpful.\n\nNever\u0000 stop.' },
        field: 'prefix_prompt',
        message: multiLine('The system prompt', 'U+0000', 3),
      },
      {
        method: 'PUT',
        path: `/api/v2/agents/${id}`,
        body: { domain: 'Answers in \u001b[31mred\u001b[0m' },
        field: 'domain',
        message: multiLine('The description', 'U+001B', 1),
      },
      {
        method: 'POST',
        path: `/api/v2/agents/${id}/instructions`,
        body: { instruction: 'Be brief.\u000c' },
        field: 'instruction',
        message: multiLine('An instruction', 'U+000C', 1),
      },
      {
        method: 'PUT',
        path: `/api/v2/agents/${id}/instructions`,
        body: { instructions: [{ id: instruction.id, instruction: 'Cite\u0008.' }] },
        field: 'instructions.0.instruction',
        message: multiLine('An instruction', 'U+0008', 1),
      },
      {
        method: 'POST',
        path: `/api/v2/agents/${id}/annotates`,
        body: { add: ['hr', 'bell\u0007'] },
        field: 'add.1',
        message: oneLine('A tag', 'U+0007', 5),
      },
      {
        method: 'POST',
        path: folder,
        body: { folder_url: 'https://northwind.sharepoint.com/sites/hr/A\tB' },
        field: 'folder_url',
        message: oneLine('The folder URL', 'U+0009', 44),
      },
      {
        method: 'POST',
        path: folder,
        body: { folder_url: 'https://northwind.sharepoint.com/sites/hr/A', folder_name: 'HR\r\nArchive' },
        field: 'folder_name',
        message: oneLine('The folder name', 'U+000D', 3),
      },
      {
        method: 'PATCH',
        path: `/api/v2/agents/${id}/tools/5/actions/9`,
        body: { config: { project_key: 'HR', labels: ['ok', 'nul\u0000'] } },
        field: 'config',
        message:
          'The configuration cannot contain control characters other than tabs and line breaks (found U+0000 in “labels[1]”)',
      },
      {
        method: 'POST',
        path: `/api/v2/agents/${id}/publish`,
        body: { note: 'Hotfix\u0000' },
        field: 'note',
        message: multiLine('A note', 'U+0000', 1),
      },
    ];
    for (const c of cases) {
      const response = await h.as('admin').send(c.method, c.path, { body: c.body });
      const label = `${c.method} ${c.path} ${JSON.stringify(c.body)}`;
      expect(response.status, label).toBe(422);
      expect(errorOf(response).error, label).toEqual({
        code: 'VALIDATION_ERROR',
        details: [{ field: c.field, message: c.message }],
      });
    }
    expect(await staging(h, id)).toEqual(before);
  });

  it('keeps tabs and line breaks in multi-line text', async () => {
    const h = createHarness();
    const id = await h.createAgent();
    const prompt = 'You are helpful.\r\n\r\n| Plan\t| Copay |\n\tIndented rule';
    const saved = await h.as('editor').put(`/api/v2/agents/${id}`, {
      prefix_prompt: prompt,
      domain: 'Line one\nLine two',
    });
    expect(saved.status).toBe(200);
    expect(await staging(h, id)).toMatchObject({ prefix_prompt: prompt, domain: 'Line one\nLine two' });
  });
});

describe('text that reads differently from what it is, and ids written otherwise than in digits', () => {
  it('refuses direction controls, invisible characters in names and broken characters, naming the field', async () => {
    const h = createHarness();
    const id = await h.createAgent();
    const refusals: [string, unknown, string][] = [
      ['PUT', { agent_name: 'Travel \u202erepleh\u202c' }, 'agent_name'],
      ['PUT', { prefix_prompt: 'Refund limit: USD \u202e0001\u202c.' }, 'prefix_prompt'],
      ['PUT', { agent_name: 'Pay\u200broll' }, 'agent_name'],
      ['PUT', { domain: 'Broken \ud800 here' }, 'domain'],
      ['POST', { instruction: 'Approve claims under \u202e05$\u202c.' }, 'instruction'],
    ];
    for (const [method, body, field] of refusals) {
      const path = method === 'PUT' ? `/api/v2/agents/${id}` : `/api/v2/agents/${id}/instructions`;
      const response = await h.as('editor').send(method, path, { body });
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect(JSON.stringify(errorOf(response).error.details), JSON.stringify(body)).toContain(field);
    }
    // Right-to-left text with its direction marks, and emoji joined by U+200D, are text.
    const ok = await h
      .as('editor')
      .put(`/api/v2/agents/${id}`, { agent_name: 'עוזר\u200f נסיעות 👩\u200d💻', domain: 'Pay\u200broll' });
    expect(ok.status).toBe(200);
  });

  it('refuses a tag added and removed in the same request', async () => {
    const h = createHarness();
    const id = await h.createAgent();
    const response = await h
      .as('editor')
      .post(`/api/v2/agents/${id}/annotates`, { add: ['a'], remove: ['a'] });
    expect(response.status).toBe(422);
    expect(JSON.stringify(errorOf(response).error.details)).toMatch(/cannot be added and removed at once/);
    // Spelled the same once trimmed and spaces folded (another case is a rename: see below).
    const tagsBefore = (await staging(h, id)).tags;
    for (const [add, remove] of [
      ['newtag', '  newtag  '],
      [' Data  team ', 'Data team'],
    ]) {
      const both = await h
        .as('editor')
        .post(`/api/v2/agents/${id}/annotates`, { add: [add], remove: [remove] });
      expect(both.status, `${add} / ${remove}`).toBe(422);
      expect(JSON.stringify(errorOf(both).error.details)).toMatch(/cannot be added and removed at once/);
    }
    expect((await staging(h, id)).tags).toEqual(tagsBefore);
  });

  it('takes ids written in digits only', async () => {
    const h = createHarness();
    const id = await h.createAgent();
    expect((await h.as('viewer').get(`/api/v2/agents/${id}`)).status).toBe(200);
    for (const written of [
      `0x${id.toString(16)}`,
      `${id}.0`,
      `0${id}`,
      `${id}e0`,
      `%20${id}`,
      `0b${id.toString(2)}`,
    ]) {
      const response = await h.as('viewer').get(`/api/v2/agents/${written}`);
      expect(response.status, written).toBeGreaterThanOrEqual(400);
      expect(response.status, written).toBeLessThan(500);
    }
    const compare = await h.as('viewer').get(`/api/v2/agents/${id}/compare?from=0x1&to=production`);
    expect(compare.status).toBe(422);
  });
});

describe('tags', () => {
  it('are one per spelling in any case, trimmed, with runs of spaces made one', async () => {
    const h = createHarness();
    const id = await h.createAgent();
    const add = async (add: string[], remove: string[] = []) =>
      dataOf(
        await h.as('editor').post(`/api/v2/agents/${id}/annotates`, { add, remove }),
        tagsEditResultSchema,
      ).tags;
    expect(await add(['Travel', 'travel', '  spaced   tag '])).toEqual(['Travel', 'spaced tag']);
    expect(await add(['TRAVEL', 'Spaced Tag'])).toEqual(['Travel', 'spaced tag']);
    // Removing takes the tag in whatever case it is held; a change of case is a remove and an add.
    expect(await add([], ['travel'])).toEqual(['spaced tag']);
    expect(await add(['Spaced Tag'], ['spaced tag'])).toEqual(['Spaced Tag']);
  });
});
