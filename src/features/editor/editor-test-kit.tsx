import type { ReactNode } from 'react';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { vi } from 'vitest';
import type {
  Access,
  ActionConfig,
  AgentConfig,
  Corpus,
  GuardrailType,
  Instruction,
  OrgTool,
  Permission,
  SharepointFolderInput,
} from '@contract';
import type { EditOp } from '@/api/agents/edits';
import type { AgentDetail } from '@/api/adapter';
import { agentQueries } from '@/api/agents/queries';
import { catalogQueries } from '@/api/catalog/queries';
import { draftStore } from './draft-store';
import { configFixture } from './model/config-fixture';
import { applyOnStaging } from './model/fake-staging';

export { configFixture };

/** Fixtures, a fetch stub and a renderer for the Edit tab's tests. */

// happy-dom has no FontFaceSet; Mantine's autosizing textarea listens to it.
if (typeof document !== 'undefined' && !('fonts' in document)) {
  Object.defineProperty(document, 'fonts', {
    value: { addEventListener: () => undefined, removeEventListener: () => undefined },
  });
}

export const AGENT_ID = 7;

export function detailFixture(
  over: Partial<AgentDetail> = {},
  config: AgentConfig = configFixture(),
): AgentDetail {
  return {
    id: AGENT_ID,
    project: { id: 101, name: 'Employee Experience' },
    environment: 'staging',
    config,
    hasUnpublishedChanges: false,
    stagingRevision: 4,
    liveVersion: 1,
    lastPublishedOn: '2026-11-28T19:43:15.123456Z',
    rolledBackTo: null,
    createdBy: 'admin@example.com',
    createdOn: '2026-11-01T10:00:00.000000Z',
    modifiedBy: 'admin@example.com',
    modifiedOn: '2026-11-28T19:43:15.123456Z',
    ...over,
  };
}

export const corporaCatalog: Corpus[] = [
  { id: 1, name: 'Benefits guide', description: 'Plan summaries', document_count: 84 },
  { id: 2, name: 'HR policies', description: 'Leave and conduct', document_count: 73 },
  { id: 3, name: 'Compliance training', description: 'Annual modules', document_count: 64 },
  { id: 4, name: 'New hire onboarding', description: 'First-week checklists', document_count: 38 },
  { id: 8, name: 'Travel policy', description: 'Per diem rates', document_count: 12 },
];

export const toolsCatalog: OrgTool[] = [
  {
    id: 5,
    name: 'Microsoft 365',
    type: 'msgraph',
    description: 'Mail and calendar',
    actions: [
      { id: 9, name: 'Send email', description: 'Sends mail', default_config: {} },
      { id: 10, name: 'Search people', description: 'Directory lookup', default_config: {} },
    ],
  },
  { id: 6, name: 'Jira', type: 'jira', description: 'Issues', actions: [] },
];

export const guardrailTypes: GuardrailType[] = [
  { type: 'pii', name: 'PII redaction', description: 'Masks personal data.', enabled: true },
  { type: 'toxicity', name: 'Toxicity filter', description: 'Blocks abusive language.', enabled: false },
];

export const envelope = (data: unknown, status = 200) =>
  new Response(JSON.stringify({ success: true, message: 'OK', data }), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

export const failure = (status: number, code: string, message: string, details?: unknown) =>
  new Response(JSON.stringify({ success: false, message, error: { code, details } }), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

export interface Call {
  method: string;
  path: string;
  body: unknown;
  ifMatch: string | undefined;
}

type Handler = (call: Call) => Response | Promise<Response>;

/**
 * Stubs `fetch` with handlers keyed by "METHOD /path". Unknown requests answer 404. Reads of the
 * agent answer from `state.detail`, so a refetch after a save sees what the handlers changed.
 */
export function stubApi(handlers: Record<string, Handler>, fallback?: Handler) {
  const calls: Call[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const raw = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const url = new URL(raw, 'http://localhost');
    const headers = (init?.headers ?? {}) as Record<string, string>;
    const call: Call = {
      method: init?.method ?? 'GET',
      path: url.pathname,
      body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
      ifMatch: headers['If-Match'],
    };
    calls.push(call);
    const handler = handlers[`${call.method} ${call.path}`] ?? fallback;
    if (!handler) return failure(404, 'NOT_FOUND', `No stub for ${call.method} ${call.path}`);
    return handler(call);
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls, edits: () => calls.filter((c) => c.method !== 'GET') };
}

/** The wire shape of `GET /agents/{id}` for a detail fixture: what a refetch answers. */
export function detailWire(d: AgentDetail) {
  return {
    ...d.config.agent_settings,
    id: d.id,
    project: d.project,
    environment: d.environment,
    instructions: d.config.instructions,
    knowledge_sources: d.config.knowledge_sources,
    tools: d.config.tools,
    guardrails: d.config.guardrails,
    has_unpublished_changes: d.hasUnpublishedChanges,
    staging_revision: d.stagingRevision,
    live_version: d.liveVersion,
    last_published_on: d.lastPublishedOn,
    staging_rolled_back_to: d.rolledBackTo && {
      change_track_id: d.rolledBackTo.changeTrackId,
      version: d.rolledBackTo.version,
      by: d.rolledBackTo.by,
      on: d.rolledBackTo.on,
    },
    created_by: d.createdBy,
    created_on: d.createdOn,
    modified_by: d.modifiedBy,
    modified_on: d.modifiedOn,
  };
}

export interface RenderOptions {
  detail?: AgentDetail;
  permissions?: Permission[];
  path?: string;
  /** Queries retry failed reads as the app's do (twice), instead of not at all. */
  retryLikeApp?: boolean;
}

/** A fresh query client seeded through the query factories, Mantine, and a memory router. */
export function renderEditor(
  ui: ReactNode,
  {
    detail = detailFixture(),
    permissions = ['view', 'edit'],
    path = '/agents/7/edit',
    retryLikeApp = false,
  }: RenderOptions = {},
) {
  const queryClient = new QueryClient({
    defaultOptions: {
      queries: { retry: retryLikeApp ? 2 : false, retryDelay: 300, staleTime: Infinity },
      mutations: { retry: false },
    },
  });
  queryClient.setQueryData(agentQueries.detail(AGENT_ID).queryKey, detail);
  queryClient.setQueryData(agentQueries.permissions(AGENT_ID).queryKey, permissions);
  queryClient.setQueryData(agentQueries.guardrailTypes(AGENT_ID).queryKey, guardrailTypes);
  queryClient.setQueryData(catalogQueries.corpora().queryKey, corporaCatalog);
  queryClient.setQueryData(catalogQueries.tools().queryKey, toolsCatalog);
  queryClient.setQueryData(catalogQueries.agentTypes().queryKey, [
    { id: 1, name: 'Retrieval' },
    { id: 2, name: 'Conversational' },
  ]);
  queryClient.setQueryData(catalogQueries.llmConfigs().queryKey, [
    { id: 3, model_name: 'gpt-4o', provider: 'Azure OpenAI' },
    { id: 4, model_name: 'claude-sonnet', provider: 'Anthropic' },
  ]);
  const router = createMemoryRouter(
    [
      { path: '/agents/:agentId/edit', element: ui },
      { path: '/agents/:agentId/review', element: <p>Review tab</p> },
    ],
    { initialEntries: [path] },
  );
  const result = render(
    <MantineProvider>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>,
  );
  return { ...result, queryClient, router };
}

/** Drafts are module state backed by sessionStorage: every test starts without any. */
export function resetDrafts() {
  sessionStorage.clear();
  draftStore.resetMemory();
}

/** The part of staging a 412 reports as `current`, by the edited endpoint. */
function partFor(path: string, config: AgentConfig): unknown {
  if (path.endsWith('/access')) return config.agent_settings.access;
  if (path.endsWith('/annotates')) return config.agent_settings.tags;
  if (path.includes('/instructions')) return config.instructions;
  if (path.includes('/sharepoint')) return config.knowledge_sources.sharepoint_folder;
  if (path.includes('/corpora')) return config.knowledge_sources;
  if (path.includes('/tools')) return config.tools;
  if (path.includes('/guardrails')) return config.guardrails;
  return config.agent_settings;
}

/** The edit a request stands for, as the app's `EditOp`. */
function opOf(call: Call): EditOp | null {
  const rest = call.path.replace(`/api/v2/agents/${AGENT_ID}`, '');
  const body = (call.body ?? {}) as Record<string, unknown>;
  const m = (re: RegExp) => re.exec(rest);
  let x: RegExpExecArray | null;
  if (rest === '' && call.method === 'PUT') return { kind: 'settings', body: body };
  if (rest === '/access') return { kind: 'access', access: body.access as Access };
  if (rest === '/annotates')
    return { kind: 'tags', add: (body.add ?? []) as string[], remove: (body.remove ?? []) as string[] };
  if (rest === '/instructions' && call.method === 'POST')
    return { kind: 'add-instruction', instruction: body.instruction as string, clientKey: '' };
  if (rest === '/instructions' && call.method === 'PUT')
    return { kind: 'replace-instructions', instructions: body.instructions as Instruction[] };
  if ((x = m(/^\/instructions\/(\d+)$/))) return { kind: 'delete-instruction', instructionId: Number(x[1]) };
  if (rest === '/corpora')
    return {
      kind: call.method === 'POST' ? 'connect-corpora' : 'disconnect-corpora',
      corpusIds: body.corpus_ids as number[],
    };
  if ((x = m(/^\/corpora\/(\d+)$/)) && call.method === 'PUT')
    return { kind: 'update-corpus', corpusId: Number(x[1]), update: body };
  if ((x = m(/^\/tools\/(\d+)\/(enable|disable)$/)))
    return { kind: x[2] === 'enable' ? 'enable-tool' : 'disable-tool', toolId: Number(x[1]) };
  if ((x = m(/^\/tools\/(\d+)\/actions\/(\d+)$/)))
    return {
      kind: 'action-config',
      toolId: Number(x[1]),
      actionId: Number(x[2]),
      config: body.config as ActionConfig,
    };
  if ((x = m(/^\/tools\/(\d+)\/actions\/(\d+)\/(enable|disable)$/)))
    return {
      kind: 'action-enabled',
      toolId: Number(x[1]),
      actionId: Number(x[2]),
      enabled: x[3] === 'enable',
    };
  if (rest === '/guardrails')
    return {
      kind: 'guardrail',
      guardrailType: body.guardrail_type as string,
      enabled: body.enabled as boolean,
    };
  if (rest === '/sharepoint/folder') {
    if (call.method === 'DELETE') return { kind: 'remove-sharepoint' };
    return {
      kind: call.method === 'POST' ? 'connect-sharepoint' : 'update-sharepoint',
      folder: body as SharepointFolderInput,
    };
  }
  return null;
}

/** The answer of an edit endpoint: the part it changed and the new revision, as the contract says. */
function answerFor(path: string, config: AgentConfig, createdId: number | undefined, rev: object): unknown {
  if (createdId !== undefined) return { ...config.instructions.find((i) => i.id === createdId), ...rev };
  if (path.endsWith('/access')) return { access: config.agent_settings.access, ...rev };
  if (path.endsWith('/annotates')) return { tags: config.agent_settings.tags, ...rev };
  if (path.includes('/instructions')) return { instructions: config.instructions, ...rev };
  if (path.includes('/sharepoint'))
    return { sharepoint_folder: config.knowledge_sources.sharepoint_folder, ...rev };
  if (path.includes('/corpora')) return { knowledge_sources: config.knowledge_sources, ...rev };
  if (path.includes('/tools')) return { tools: config.tools, ...rev };
  if (path.includes('/guardrails')) return { guardrails: config.guardrails, ...rev };
  return { ...config.agent_settings, ...rev };
}

/**
 * A small staging server for component tests: reads answer from `state.detail`, edits apply to
 * it (as the sandbox would) with If-Match checked, and `someoneElseEdits` plays a second editor.
 * `failNext` makes the next edit fail with a status; `loseNextAnswer` applies the next edit and
 * then drops the connection, so the client never hears of it; `readsFail` fails reads of the
 * agent.
 */
export function fakeStaging(
  initial: AgentDetail = detailFixture(),
  permissions: Permission[] = ['view', 'edit'],
) {
  const state = {
    detail: initial,
    failNext: null as Response | null,
    loseNextAnswer: false,
    /** While set, reads of the agent fail as if the network were down. */
    readsFail: false,
    /** While set, every request fails as if the server could not be reached. */
    down: false,
    /** While set, edits wait for it before answering (a slow save). */
    gate: null as Promise<void> | null,
    /** What `GET /agents` lists (in wire shape), whatever it is asked. */
    listed: [] as object[],
  };
  const wire = () => {
    if (state.readsFail || state.down) throw new TypeError('Failed to fetch');
    return envelope(detailWire(state.detail));
  };
  const api = stubApi(
    {
      [`GET /api/v2/agents/${AGENT_ID}`]: wire,
      [`GET /api/v2/agents/${AGENT_ID}/permissions/me`]: () => envelope({ permissions }),
      [`GET /api/v2/agents/${AGENT_ID}/guardrails`]: () => envelope({ guardrail_types: guardrailTypes }),
      'GET /api/v2/agents': () =>
        envelope({
          agents: state.listed,
          total_records: state.listed.length,
          current_page: 1,
          total_pages: 1,
        }),
    },
    async (call) => {
      if (state.down) throw new TypeError('Failed to fetch');
      if (state.gate) await state.gate;
      const op = opOf(call);
      if (!op) return failure(404, 'NOT_FOUND', `No stub for ${call.method} ${call.path}`);
      if (state.failNext) {
        const r = state.failNext;
        state.failNext = null;
        return r;
      }
      const d = state.detail;
      if (call.ifMatch !== undefined && call.ifMatch !== `"${d.stagingRevision}"`) {
        return failure(412, 'PRECONDITION_FAILED', 'Staging changed since you loaded it', {
          current_revision: d.stagingRevision,
          modified_by: d.modifiedBy,
          modified_on: d.modifiedOn,
          current: partFor(call.path, d.config),
        });
      }
      const applied = applyOnStaging(d.config, op, 500 + d.stagingRevision);
      state.detail = {
        ...d,
        config: applied.config,
        stagingRevision: d.stagingRevision + 1,
        hasUnpublishedChanges: true,
        modifiedBy: 'editor@example.com',
      };
      if (state.loseNextAnswer) {
        state.loseNextAnswer = false;
        throw new TypeError('Failed to fetch');
      }
      const rev = { staging_revision: state.detail.stagingRevision, has_unpublished_changes: true };
      return envelope(
        answerFor(call.path, applied.config, applied.createdId, rev),
        call.method === 'POST' ? 201 : 200,
      );
    },
  );
  const someoneElseEdits = (change: (config: AgentConfig) => AgentConfig, by = 'editor2@example.com') => {
    state.detail = {
      ...state.detail,
      config: change(structuredClone(state.detail.config)),
      stagingRevision: state.detail.stagingRevision + 1,
      modifiedBy: by,
      modifiedOn: '2026-11-29T08:15:00.000000Z',
    };
  };
  return { ...api, state, someoneElseEdits };
}
