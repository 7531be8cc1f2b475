import type { ReactNode } from 'react';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { vi } from 'vitest';
import type { DiffSection, PublishRecordWire } from '@contract';

/** Wire fixtures and a fetch stub for the History tab's component tests. */

export const AGENT = 7;

export function recordWire(version: number, over: Partial<PublishRecordWire> = {}): PublishRecordWire {
  return {
    change_track_id: 100 + version,
    version,
    published_by: { id: 1, email: 'admin@example.com', name: 'Amara Okafor' },
    published_on: '2026-11-28T19:43:15.123456Z',
    note: `Note of version ${version}`,
    summary: {
      text: 'Agent settings: 1 change',
      sections: [{ key: 'agent_settings', title: 'Agent settings', count: 1 }],
    },
    rolled_back_to: null,
    is_live: false,
    ...over,
  };
}

export function diffWire(sections: DiffSection[]) {
  return { has_changes: sections.some((s) => s.changes.length > 0), sections };
}

export const iterationsSection = (before: number, after: number): DiffSection => ({
  key: 'agent_settings',
  title: 'Agent settings',
  changes: [
    { path: 'react_max_iteration_count', label: 'ReAct max iterations', change: 'modified', before, after },
  ],
});

export const ok = (data: unknown, status = 200) =>
  new Response(JSON.stringify({ success: true, message: 'OK', data }), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

export const fail = (status: number, code: string, message: string) =>
  new Response(JSON.stringify({ success: false, message, error: { code } }), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

export interface Call {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  headers: Record<string, string>;
}

type Handler = (call: Call) => Response | Promise<Response>;

/**
 * Stubs `fetch` with handlers keyed by "METHOD /path" (no query string). Unknown requests answer
 * 404, as a server without that endpoint would. Every call is recorded.
 */
export function stubApi(handlers: Record<string, Handler>) {
  const calls: Call[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const raw = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const url = new URL(raw, 'http://localhost');
    const method = init?.method ?? 'GET';
    const call: Call = {
      method,
      path: url.pathname,
      query: url.searchParams,
      body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
      headers: (init?.headers ?? {}) as Record<string, string>,
    };
    calls.push(call);
    const handler = handlers[`${method} ${url.pathname}`];
    return handler ? handler(call) : fail(404, 'NOT_FOUND', `No handler for ${method} ${url.pathname}`);
  });
  vi.stubGlobal('fetch', fetchMock);
  return {
    calls,
    count: (method: string, path: string) =>
      calls.filter((c) => c.method === method && c.path === path).length,
  };
}

export function newQueryClient() {
  return new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: 10_000 }, mutations: { retry: false } },
  });
}

/** Renders `ui` at `/agents/7/history<search>` inside a router, Mantine and the given client. */
export function renderAt(ui: ReactNode, queryClient: QueryClient, search = '') {
  const router = createMemoryRouter(
    [
      { path: '/agents/:agentId/history', element: ui },
      { path: '/agents/:agentId/review', element: <p>Review screen</p> },
    ],
    { initialEntries: [`/agents/${AGENT}/history${search}`] },
  );
  const view = (
    <MantineProvider>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
  return { router, view };
}

export function agentWire(over: Record<string, unknown> = {}) {
  return {
    id: AGENT,
    project: { id: 1, name: 'Member Support' },
    environment: 'staging',
    agent_name: 'Member Services Assistant',
    domain: 'Answers members',
    prefix_prompt: 'You are helpful.',
    sample_q1: '',
    sample_q2: '',
    sample_q3: '',
    agent_type: null,
    llm_config: null,
    reasoning_mode: 'off',
    caching_enabled: false,
    react_enabled: false,
    react_max_iteration_count: 5,
    character_voice: null,
    access: 'Public',
    tags: [],
    instructions: [],
    knowledge_sources: { corpora: [], sharepoint_folder: null },
    tools: [],
    guardrails: [],
    has_unpublished_changes: true,
    staging_revision: 12,
    live_version: 3,
    last_published_on: '2026-11-28T19:43:15.123456Z',
    staging_rolled_back_to: null,
    created_by: 'admin@example.com',
    created_on: '2026-11-01T10:00:00.000000Z',
    modified_by: 'editor@example.com',
    modified_on: '2026-11-29T10:00:00.000000Z',
    ...over,
  };
}
