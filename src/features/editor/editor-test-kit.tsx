import type { ReactNode } from 'react';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { vi } from 'vitest';
import type { AgentConfig, Corpus, GuardrailType, OrgTool, Permission } from '@contract';
import type { AgentDetail } from '@/api/adapter';
import { agentQueries } from '@/api/agents/queries';
import { catalogQueries } from '@/api/catalog/queries';
import { draftStore } from './draft-store';
import { configFixture } from './model/config-fixture';

export { configFixture };

/** Fixtures, a fetch stub and a renderer for the Edit tab's tests. */

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
export function stubApi(handlers: Record<string, Handler>) {
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
    const handler = handlers[`${call.method} ${call.path}`];
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
    staging_rolled_back_to: null,
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
}

/** A fresh query client seeded through the query factories, Mantine, and a memory router. */
export function renderEditor(
  ui: ReactNode,
  { detail = detailFixture(), permissions = ['view', 'edit'], path = '/agents/7/edit' }: RenderOptions = {},
) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } },
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
