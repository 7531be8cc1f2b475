import { describe, expect, it } from 'vitest';
import {
  agentAccessWireSchema,
  agentCorporaWireSchema,
  agentDeletedWireSchema,
  agentDetailWireSchema,
  agentGuardrailsWireSchema,
  agentListWireSchema,
  agentSharepointWireSchema,
  agentToolsWireSchema,
  agentTypeListSchema,
  corpusListSchema,
  llmConfigListSchema,
  orgToolListSchema,
  permissionsSchema,
  projectListSchema,
  publishListWireSchema,
} from '../../contract';
import { anyString, createHarness, dataOf, errorOf, matching } from '../testing/harness';

describe('agents list', () => {
  it('pages with total_records, current_page and total_pages', async () => {
    const h = createHarness();
    for (let i = 1; i <= 7; i++) await h.createAgent({ agent_name: `Agent ${String(i).padStart(2, '0')}` });
    const page = dataOf(
      await h.as('viewer').get('/api/v2/agents?page=2&items_per_page=3'),
      agentListWireSchema,
    );
    expect(page).toMatchObject({ total_records: 7, current_page: 2, total_pages: 3 });
    expect(page.agents.map((a) => a.agent_name)).toEqual(['Agent 04', 'Agent 05', 'Agent 06']);
    const beyond = dataOf(
      await h.as('viewer').get('/api/v2/agents?page=9&items_per_page=3'),
      agentListWireSchema,
    );
    expect(beyond.agents).toEqual([]);
  });

  it('defaults to ten per page and refuses more than a hundred', async () => {
    const h = createHarness();
    await h.createAgent();
    const list = dataOf(await h.as('viewer').get('/api/v2/agents'), agentListWireSchema);
    expect(list).toMatchObject({ total_records: 1, current_page: 1, total_pages: 1 });
    const tooMany = await h.as('viewer').get('/api/v2/agents?items_per_page=101');
    expect(tooMany.status).toBe(422);
    expect(errorOf(tooMany).error.details).toEqual([{ field: 'items_per_page', message: anyString }]);
    expect((await h.as('viewer').get('/api/v2/agents?page=0')).status).toBe(422);
    expect((await h.as('viewer').get('/api/v2/agents?page=abc')).status).toBe(422);
  });

  it('reads page numbers written in digits only, and refuses a parameter given twice', async () => {
    const h = createHarness();
    for (const query of ['page=0x2', 'page=%2B1', 'page=%201', 'items_per_page=1e1', 'page=2.0']) {
      const response = await h.as('viewer').get(`/api/v2/agents?${query}`);
      expect(response.status, query).toBe(422);
    }
    for (const query of [
      'page=1&page=abc',
      'project_id=101&project_id=abc',
      'items_per_page=10&items_per_page=100000',
    ]) {
      const response = await h.as('viewer').get(`/api/v2/agents?${query}`);
      expect(response.status, query).toBe(422);
      expect(errorOf(response).error.details).toEqual([
        { field: query.split('=')[0], message: 'Given more than once' },
      ]);
    }
    const id = await h.createAgent();
    expect((await h.as('viewer').get(`/api/v2/agents/${id}/publishes?page=0x1`)).status).toBe(422);
    expect(
      (await h.as('viewer').get(`/api/v2/agents/${id}?environment=production&environment=staging`)).status,
    ).toBe(422);
    expect((await h.as('viewer').get('/api/v2/agents?page=2&items_per_page=5')).status).toBe(200);
  });

  it('filters by project, by text in name or description, and by unpublished changes', async () => {
    const h = createHarness();
    const benefits = await h.createAgent({ agent_name: 'Benefits Navigator', project_id: 103 });
    await h.createAgent({
      agent_name: 'Claims Explainer',
      project_id: 104,
      domain: 'Explains 100% of denials',
    });
    await h.as('editor').put(`/api/v2/agents/${benefits}`, { sample_q1: 'What is my deductible?' });

    const names = async (query: string) =>
      dataOf(await h.as('viewer').get(`/api/v2/agents?${query}`), agentListWireSchema).agents.map(
        (a) => a.agent_name,
      );
    expect(await names('project_id=104')).toEqual(['Claims Explainer']);
    expect(await names('q=navig')).toEqual(['Benefits Navigator']);
    expect(await names('q=100%25')).toEqual(['Claims Explainer']);
    expect(await names('q=_')).toEqual([]);
    expect((await h.as('viewer').get('/api/v2/agents?q=%00')).status).toBe(422);
    expect(await names('has_unpublished_changes=true')).toEqual(['Benefits Navigator']);
    expect(await names('has_unpublished_changes=false')).toEqual(['Claims Explainer']);
    expect((await h.as('viewer').get('/api/v2/agents?has_unpublished_changes=maybe')).status).toBe(422);
  });

  it('sorts names as people read them, accents with their letters, and finds them typed without accents', async () => {
    const h = createHarness();
    const project = { project_id: 103 };
    for (const agent_name of ['zz Last', 'Émile Helper', 'alpha Guide', 'Eve Assistant'])
      await h.createAgent({ agent_name, ...project });
    const names = async (query: string) =>
      dataOf(
        await h.as('viewer').get(`/api/v2/agents?project_id=103&${query}`),
        agentListWireSchema,
      ).agents.map((a) => a.agent_name);
    expect(await names('items_per_page=100')).toEqual([
      'alpha Guide',
      'Émile Helper',
      'Eve Assistant',
      'zz Last',
    ]);
    expect(await names('q=emile')).toEqual(['Émile Helper']);
    expect(await names(`q=${encodeURIComponent('ÉMILE')}`)).toEqual(['Émile Helper']);
  });

  it('sorts numbers in names by their value: 2 before 10, 9 before 010', async () => {
    const h = createHarness();
    for (const agent_name of [
      'Bulk agent 10',
      'Bulk agent 2',
      'bulk agent 1',
      'Bulk agent 010b',
      'Bulk agent 9',
    ])
      await h.createAgent({ agent_name, project_id: 101 });
    const listed = dataOf(
      await h.as('viewer').get('/api/v2/agents?project_id=101&q=bulk&items_per_page=100'),
      agentListWireSchema,
    ).agents.map((a) => a.agent_name);
    expect(listed).toEqual([
      'bulk agent 1',
      'Bulk agent 2',
      'Bulk agent 9',
      'Bulk agent 10',
      'Bulk agent 010b',
    ]);
  });

  it('finds text in name or description in any case and any script, with % and _ as plain characters', async () => {
    const h = createHarness();
    await h.createAgent({ agent_name: 'Ünïcødé 🤖 エージェント — QA', domain: 'A fixture' });
    await h.createAgent({ agent_name: 'Ärztefinder', domain: 'Findet 100% der Fachärzte für Straßenbahner' });
    await h.createAgent({ agent_name: 'Benefits Navigator', domain: 'Answers questions about benefits' });
    const names = async (q: string) =>
      dataOf(
        await h.as('viewer').get(`/api/v2/agents?q=${encodeURIComponent(q)}`),
        agentListWireSchema,
      ).agents.map((a) => a.agent_name);
    expect(await names('ünïcødé')).toEqual(['Ünïcødé 🤖 エージェント — QA']);
    expect(await names('ÜNÏCØDÉ')).toEqual(['Ünïcødé 🤖 エージェント — QA']);
    expect(await names('エージェント — qa')).toEqual(['Ünïcødé 🤖 エージェント — QA']);
    expect(await names('ärzte')).toEqual(['Ärztefinder']);
    expect(await names('FACHÄRZTE')).toEqual(['Ärztefinder']);
    expect(await names('STRASSE')).toEqual(['Ärztefinder']);
    expect(await names('100%')).toEqual(['Ärztefinder']);
    expect(await names('f_r')).toEqual([]);
    expect(await names('BENEFITS')).toEqual(['Benefits Navigator']);
  });
});

describe('methods', () => {
  it('answers 405 with Allow to a known endpoint asked with another method, and 404 to an unknown one', async () => {
    const h = createHarness();
    const id = await h.createAgent();
    const patched = await h.as('admin').send('PATCH', `/api/v2/agents/${id}`);
    expect(patched.status).toBe(405);
    expect(errorOf(patched).error.code).toBe('METHOD_NOT_ALLOWED');
    expect(patched.headers.get('Allow')?.split(', ').sort()).toEqual(['DELETE', 'GET', 'HEAD', 'PUT']);
    const read = await h.as('admin').get(`/api/v2/agents/${id}/publish`);
    expect(read.status).toBe(405);
    expect(read.headers.get('Allow')).toBe('POST');
    expect((await h.as('admin').get(`/api/v2/agents/${id}/nothing-here`)).status).toBe(404);
    // Nothing changed, nothing published.
    expect(
      dataOf(await h.as('viewer').get(`/api/v2/agents/${id}/publishes`), publishListWireSchema).total_records,
    ).toBe(1);
  });
});

describe('creating and deleting agents', () => {
  it('creates an agent live as version 1 "Created", with production equal to staging', async () => {
    const h = createHarness();
    const created = await h
      .as('editor')
      .post('/api/v2/agents', { agent_name: 'Care Finder', project_id: 101, tags: ['care'] });
    expect(created.status).toBe(201);
    const agent = dataOf(created, agentDetailWireSchema);
    expect(agent).toMatchObject({
      agent_name: 'Care Finder',
      project: { id: 101, name: 'Care Navigation' },
      has_unpublished_changes: false,
      live_version: 1,
      staging_revision: 1,
      created_by: 'editor@example.com',
      tags: ['care'],
      llm_config: { id: 1, model_name: 'gpt-4o' },
    });
    expect(agent.guardrails.map((g) => g.type)).toEqual([
      'pii',
      'toxicity',
      'prompt_injection',
      'topic_restriction',
      'jailbreak',
      'hallucination_check',
    ]);
    expect(agent.guardrails.filter((g) => g.enabled).map((g) => g.type)).toEqual(['pii', 'prompt_injection']);
    const history = dataOf(
      await h.as('viewer').get(`/api/v2/agents/${agent.id}/publishes`),
      publishListWireSchema,
    );
    expect(history.publish_records).toMatchObject([
      { version: 1, note: 'Created', is_live: true, published_by: { email: 'editor@example.com' } },
    ]);
    const production = dataOf(
      await h.as('viewer').get(`/api/v2/agents/${agent.id}?environment=production`),
      agentDetailWireSchema,
    );
    const { environment: _p, ...prodRest } = production;
    const { environment: _s, ...stagingRest } = agent;
    expect(prodRest).toEqual(stagingRest);
  });

  it('stores tags as the tag edit does: trimmed, each once in any case, the first spelling kept', async () => {
    const h = createHarness();
    const tags = ['hr', ' benefits ', 'hr', 'HR', 'benefits'];
    const created = dataOf(
      await h.as('editor').post('/api/v2/agents', { agent_name: 'Care Finder', project_id: 101, tags }),
      agentDetailWireSchema,
    );
    expect(created.tags).toEqual(['hr', 'benefits']);
    expect(
      dataOf(await h.as('viewer').get(`/api/v2/agents/${created.id}`), agentDetailWireSchema).tags,
    ).toEqual(['hr', 'benefits']);
    const annotated = await h.createAgent({ agent_name: 'Tagged later' });
    const edited = dataOf(
      await h.as('editor').post(`/api/v2/agents/${annotated}/annotates`, { add: tags }),
      agentAccessWireSchema.pick({ tags: true }),
    );
    expect(edited.tags).toEqual(created.tags);
  });

  it('normalises agent type and model names from the catalogue and rejects unknown ids with 422', async () => {
    const h = createHarness();
    const created = await h.as('admin').post('/api/v2/agents', {
      agent_name: 'Voice pilot',
      project_id: 101,
      agent_type: { id: 4, name: 'whatever' },
      llm_config: { id: 3, model_name: 'whatever' },
    });
    expect(dataOf(created, agentDetailWireSchema)).toMatchObject({
      agent_type: { id: 4, name: 'Voice' },
      llm_config: { id: 3, model_name: 'claude-sonnet-4' },
    });
    const unknownType = await h
      .as('admin')
      .post('/api/v2/agents', { agent_name: 'X', project_id: 101, agent_type: { id: 99, name: 'X' } });
    expect(unknownType.status).toBe(422);
    expect(errorOf(unknownType).error.details).toEqual([
      { field: 'agent_type', message: 'No agent type with id 99' },
    ]);
  });

  it('rejects an unknown project, unknown fields, a missing name and malformed JSON, creating nothing', async () => {
    const h = createHarness();
    const cases = [
      { body: { agent_name: 'X', project_id: 999 }, status: 422, field: 'project_id' },
      { body: { agent_name: 'X', project_id: 101, colour: 'blue' }, status: 422, field: 'colour' },
      { body: { project_id: 101 }, status: 422, field: 'agent_name' },
      { body: { agent_name: 'x'.repeat(201), project_id: 101 }, status: 422, field: 'agent_name' },
      { body: { agent_name: 'X', project_id: '101' }, status: 422, field: 'project_id' },
      { body: { agent_name: '\u0000abc', project_id: 101 }, status: 422, field: 'agent_name' },
      { body: { agent_name: 'X', project_id: 101, tags: ['hr', 'new\nline'] }, status: 422, field: 'tags.1' },
      {
        body: { agent_name: 'X', project_id: 101, prefix_prompt: 'Be \u0000kind' },
        status: 422,
        field: 'prefix_prompt',
      },
    ];
    for (const c of cases) {
      const response = await h.as('admin').post('/api/v2/agents', c.body);
      expect(response.status, JSON.stringify(c.body)).toBe(c.status);
      expect(errorOf(response).error).toMatchObject({
        code: 'VALIDATION_ERROR',
        details: [expect.objectContaining({ field: c.field })],
      });
    }
    const malformed = await h.as('admin').send('POST', '/api/v2/agents', {
      raw: '{"agent_name": "X",',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(malformed.status).toBe(400);
    expect(errorOf(malformed).error.code).toBe('BAD_REQUEST');
    expect(dataOf(await h.as('admin').get('/api/v2/agents'), agentListWireSchema).total_records).toBe(0);
  });

  it('deletes an agent and its history, after which it is not found', async () => {
    const h = createHarness();
    const id = await h.createAgent();
    const deleted = await h.as('admin').delete(`/api/v2/agents/${id}`);
    expect(dataOf(deleted, agentDeletedWireSchema)).toEqual({ id });
    expect((await h.as('viewer').get(`/api/v2/agents/${id}`)).status).toBe(404);
    expect((await h.as('viewer').get(`/api/v2/agents/${id}/publishes`)).status).toBe(404);
    expect((await h.as('admin').delete(`/api/v2/agents/${id}`)).status).toBe(404);
    const again = await h.createAgent();
    expect(again).not.toBe(id);
  });

  it('refuses to let an editor or a reviewer delete an agent, which would take it out of production', async () => {
    const h = createHarness();
    const id = await h.createAgent();
    for (const role of ['editor', 'reviewer'] as const) {
      const refused = await h.as(role).delete(`/api/v2/agents/${id}`);
      expect(refused.status, role).toBe(403);
      expect(errorOf(refused).message).toMatch(/edit and the publish permission/);
    }
    expect((await h.as('viewer').get(`/api/v2/agents/${id}?environment=production`)).status).toBe(200);
  });
});

describe('reading an agent', () => {
  it('returns staging with an ETag of the staging revision, and production on request', async () => {
    const h = createHarness();
    const id = await h.createAgent();
    await h.as('editor').put(`/api/v2/agents/${id}`, { agent_name: 'Benefits Guide' });
    const staging = await h.as('viewer').get(`/api/v2/agents/${id}`);
    expect(staging.headers.get('ETag')).toBe('"2"');
    expect(dataOf(staging, agentDetailWireSchema)).toMatchObject({
      agent_name: 'Benefits Guide',
      environment: 'staging',
      has_unpublished_changes: true,
      staging_revision: 2,
      modified_by: 'editor@example.com',
    });
    const production = await h.as('viewer').get(`/api/v2/agents/${id}?environment=production`);
    expect(production.headers.get('ETag')).toBe('"2"');
    expect(dataOf(production, agentDetailWireSchema)).toMatchObject({
      agent_name: 'Benefits Navigator',
      environment: 'production',
    });
    expect((await h.as('viewer').get(`/api/v2/agents/${id}?environment=preview`)).status).toBe(422);
  });

  it('never serves a stale read after an edit, a publish or a rollback', async () => {
    const h = createHarness();
    const id = await h.createAgent();
    const name = async (environment = 'staging') =>
      dataOf(
        await h.as('viewer').get(`/api/v2/agents/${id}?environment=${environment}`),
        agentDetailWireSchema,
      ).agent_name;
    expect(await name()).toBe('Benefits Navigator');
    await h.as('editor').put(`/api/v2/agents/${id}`, { agent_name: 'Benefits Guide' });
    expect(await name()).toBe('Benefits Guide');
    expect(await name('production')).toBe('Benefits Navigator');
    await h.as('reviewer').post(`/api/v2/agents/${id}/publish`, {});
    expect(await name('production')).toBe('Benefits Guide');
    const first = dataOf(
      await h.as('viewer').get(`/api/v2/agents/${id}/publishes?page=1&items_per_page=10`),
      publishListWireSchema,
    ).publish_records.at(-1);
    await h.as('admin').put(`/api/v2/agents/${id}/rollback`, { change_track_id: first?.change_track_id });
    expect(await name()).toBe('Benefits Navigator');
  });

  it('answers 404 for an unknown agent and 422 for an id that is not a positive integer', async () => {
    const h = createHarness();
    const missing = await h.as('viewer').get('/api/v2/agents/4242');
    expect(missing.status).toBe(404);
    expect(errorOf(missing)).toMatchObject({
      success: false,
      message: 'No agent with id 4242',
      error: { code: 'NOT_FOUND' },
    });
    for (const bad of ['abc', '-1', '0', '1.5', '99999999999']) {
      const response = await h.as('viewer').get(`/api/v2/agents/${bad}`);
      expect(response.status, bad).toBe(422);
      expect(errorOf(response).error.details).toEqual([{ field: 'agent_id', message: anyString }]);
    }
  });

  it('reads each part of staging with its revision', async () => {
    const h = createHarness();
    const id = await h.createAgent();
    await h.as('editor').post(`/api/v2/agents/${id}/corpora`, { corpus_ids: [1227] });
    await h.as('editor').post(`/api/v2/agents/${id}/tools/5/enable`);
    await h.as('editor').post(`/api/v2/agents/${id}/sharepoint/folder`, {
      folder_url: 'https://northwind.sharepoint.com/sites/hr/Policies',
    });
    const viewer = h.as('viewer');
    const corpora = dataOf(await viewer.get(`/api/v2/agents/${id}/corpora`), agentCorporaWireSchema);
    expect(corpora).toEqual({
      corpora: [{ corpus: { id: 1227, name: 'HR policies' }, is_enabled: true, is_default: true }],
      staging_revision: 4,
      has_unpublished_changes: true,
    });
    const tools = dataOf(await viewer.get(`/api/v2/agents/${id}/tools`), agentToolsWireSchema);
    expect(tools.tools.map((t) => t.tool.name)).toEqual(['Jira']);
    const guardrails = dataOf(await viewer.get(`/api/v2/agents/${id}/guardrails`), agentGuardrailsWireSchema);
    expect(guardrails.guardrail_types).toHaveLength(6);
    expect(guardrails.guardrail_types[0]).toEqual({
      type: 'pii',
      name: 'PII redaction',
      description: matching(/personal data/),
      enabled: true,
    });
    expect(dataOf(await viewer.get(`/api/v2/agents/${id}/access`), agentAccessWireSchema)).toMatchObject({
      access: 'Only me',
      tags: [],
    });
    expect(
      dataOf(await viewer.get(`/api/v2/agents/${id}/sharepoint/folder`), agentSharepointWireSchema)
        .sharepoint_folder,
    ).toEqual({
      folder_url: 'https://northwind.sharepoint.com/sites/hr/Policies',
      folder_name: 'Policies',
      include_subfolders: true,
    });
  });

  it('reports no SharePoint folder as null rather than 404, so the app keeps the feature', async () => {
    const h = createHarness();
    const id = await h.createAgent();
    const response = await h.as('viewer').get(`/api/v2/agents/${id}/sharepoint/folder`);
    expect(dataOf(response, agentSharepointWireSchema).sharepoint_folder).toBeNull();
  });
});

describe('pickers', () => {
  it('list projects with teams, corpora, org tools with actions, agent types and model configurations', async () => {
    const h = createHarness();
    const viewer = h.as('viewer');
    const projects = dataOf(await viewer.get('/api/v2/projects'), projectListSchema).projects;
    expect(projects).toContainEqual({
      id: 101,
      name: 'Care Navigation',
      team: { id: 1, name: 'Clinical Operations' },
    });
    expect(new Set(projects.map((p) => p.team.id)).size).toBeGreaterThanOrEqual(2);
    expect(dataOf(await viewer.get('/api/v2/corpora'), corpusListSchema).corpora).toHaveLength(15);
    const tools = dataOf(await viewer.get('/api/v2/organizations/tools'), orgToolListSchema).tools;
    expect(tools).toHaveLength(6);
    expect(tools.find((t) => t.id === 5)?.actions.map((a) => a.name)).toEqual([
      'Create issue',
      'Search issues',
      'Add comment',
    ]);
    expect(
      dataOf(await viewer.get('/api/v2/agent-types'), agentTypeListSchema).agent_types.length,
    ).toBeGreaterThan(2);
    const llms = dataOf(await viewer.get('/api/v2/llm-configs'), llmConfigListSchema).llm_configs;
    expect(llms).toContainEqual({ id: 1, model_name: 'gpt-4o', provider: 'Azure OpenAI' });
  });
});

describe('permissions/me', () => {
  it('reports each role’s permissions on an agent and 404 for an unknown agent', async () => {
    const h = createHarness();
    const id = await h.createAgent();
    const expected = {
      admin: ['view', 'edit', 'publish', 'rollback'],
      reviewer: ['view', 'publish'],
      editor: ['view', 'edit'],
      editor2: ['view', 'edit'],
      viewer: ['view'],
    } as const;
    for (const [role, permissions] of Object.entries(expected)) {
      const response = await h.as(role as keyof typeof expected).get(`/api/v2/agents/${id}/permissions/me`);
      expect(dataOf(response, permissionsSchema).permissions, role).toEqual(permissions);
    }
    expect((await h.as('viewer').get('/api/v2/agents/999/permissions/me')).status).toBe(404);
  });
});
