// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { agentQueries } from '@/api/agents/queries';
import { catalogQueries } from '@/api/catalog/queries';
import type { Permission } from '@contract';
import { PROJECTS, agentPage, agentSummary, agentSummaryWire } from '@/test/agent-fixtures';
import { jsonResponse, renderRoutes, stubFetch, testQueryClient } from '@/test/render-with-router';
import { AGENT_LIST_PAGE_SIZE } from '@/lib/agent-list-view';
import type { AgentListFilters } from '@/api/keys';
import type { InitialEntry } from 'react-router';
import { AgentListPage } from './agent-list-page';

const filters = (f: Partial<AgentListFilters> = {}): AgentListFilters => ({
  page: 1,
  perPage: AGENT_LIST_PAGE_SIZE,
  q: undefined,
  projectId: undefined,
  unpublishedOnly: undefined,
  ...f,
});

const agents = [
  agentSummary({ id: 1, name: 'Benefits Navigator', hasUnpublishedChanges: true, liveVersion: 7 }),
  agentSummary({
    id: 2,
    name: 'Care Finder',
    project: { id: 101, name: 'Care Navigation' },
    liveVersion: 13,
  }),
];

/** A client whose cache already holds what the page reads: no request is needed. */
function seeded(permissions: Permission[] = ['view', 'edit']) {
  const queryClient = testQueryClient();
  queryClient.setQueryData(
    agentQueries.list({ page: 1, perPage: 1 }).queryKey,
    agentPage(agents.slice(0, 1)),
  );
  queryClient.setQueryData(agentQueries.permissions(1).queryKey, permissions);
  queryClient.setQueryData(catalogQueries.projects().queryKey, PROJECTS);
  queryClient.setQueryData(agentQueries.list(filters()).queryKey, agentPage(agents));
  return queryClient;
}

function renderList(at: InitialEntry, queryClient = seeded()) {
  return renderRoutes(
    [
      { path: '/agents', element: <AgentListPage /> },
      { path: '*', element: <p>Elsewhere</p> },
    ],
    { at, queryClient },
  );
}

/**
 * A sandbox that can be down, wholly or for the projects only: it lists the two agents, the
 * projects, and what the user may do with an agent.
 */
function sandbox(permissions: Permission[] = ['view', 'edit']) {
  const state = { down: false, projectsDown: false };
  const ok = (data: unknown) => jsonResponse(200, { success: true, data });
  stubFetch((url) => {
    if (state.down || (state.projectsDown && url.pathname === '/api/v2/projects')) {
      // The small read of the first agent fails last, after the page has drawn the others' failure.
      const last = url.searchParams.get('items_per_page') === '1';
      return new Promise<Response>((_, reject) =>
        setTimeout(() => reject(new TypeError('Failed to fetch')), last ? 50 : 0),
      );
    }
    if (url.pathname === '/api/v2/agents') {
      const wire = [
        agentSummaryWire({ id: 1, agent_name: 'Benefits Navigator' }),
        agentSummaryWire({ id: 2, agent_name: 'Care Finder', project: { id: 101, name: 'Care Navigation' } }),
      ];
      return ok({ agents: wire, total_records: 2, current_page: 1, total_pages: 1 });
    }
    if (url.pathname === '/api/v2/projects') return ok({ projects: PROJECTS });
    if (url.pathname === '/api/v2/agents/1/permissions/me') return ok({ permissions });
    return jsonResponse(404, { success: false, message: 'Not found', error: { code: 'NOT_FOUND' } });
  });
  return state;
}

const projectFilter = () => screen.getByRole<HTMLSelectElement>('combobox', { name: 'Project' });

beforeEach(() => {
  // Anything not seeded would be fetched: answer like a server with nothing in it.
  stubFetch((url) =>
    url.pathname === '/api/v2/agents'
      ? jsonResponse(200, {
          success: true,
          data: { agents: [], total_records: 0, current_page: 1, total_pages: 0 },
        })
      : jsonResponse(404, { success: false, message: 'Not found', error: { code: 'NOT_FOUND' } }),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('AgentListPage', () => {
  it('lists each agent with its project, live version and unpublished badge', () => {
    renderList('/agents');
    const rows = within(screen.getByRole('table', { name: 'Agents' }))
      .getAllByRole('row')
      .slice(1);
    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).getByRole('link', { name: 'Benefits Navigator' }).getAttribute('href')).toBe(
      '/agents/1',
    );
    expect(within(rows[0]!).getByText('Unpublished changes')).toBeTruthy();
    const cells = (row: HTMLElement) => within(row).getAllByRole('cell');
    expect(cells(rows[0]!)[2]!.textContent).toBe('v7');
    expect(cells(rows[1]!)[1]!.textContent).toBe('Care Navigation');
    // The line a phone shows instead of the other columns.
    expect(cells(rows[1]!)[0]!.textContent).toMatch(/Care Navigation · (v\d+|Not live) · /);
    expect(within(rows[1]!).queryByText('Unpublished changes')).toBeNull();
    expect(screen.getByText('2 agents')).toBeTruthy();
  });

  it('names the browser tab "Agents"', () => {
    renderList('/agents');
    expect(document.title).toBe('Agents – Ejento · Staging & Publishing');
  });

  it('says which search matched nothing, and clearing the filters empties the URL', async () => {
    const queryClient = seeded();
    queryClient.setQueryData(
      agentQueries.list(filters({ q: 'zebra', unpublishedOnly: true })).queryKey,
      agentPage([]),
    );
    const { user, router } = renderList('/agents?q=zebra&unpublished=1', queryClient);
    const title = screen.getByText('No agents match “zebra” with these filters');
    // A long search (a pasted address) breaks rather than widening the page.
    expect(title.closest<HTMLElement>('[style*="overflow-wrap"]')?.style.overflowWrap).toBe('anywhere');
    const buttons = screen.getAllByRole('button', { name: 'Clear filters' });
    await user.click(buttons[buttons.length - 1]!);
    await waitFor(() => expect(router.state.location.search).toBe(''));
    expect(screen.getAllByRole('row')).toHaveLength(3);
  });

  it('says there are no agents yet when nothing exists and nothing is filtered', () => {
    const queryClient = testQueryClient();
    queryClient.setQueryData(agentQueries.list({ page: 1, perPage: 1 }).queryKey, agentPage([]));
    queryClient.setQueryData(catalogQueries.projects().queryKey, PROJECTS);
    queryClient.setQueryData(agentQueries.list(filters()).queryKey, agentPage([]));
    renderList('/agents', queryClient);
    expect(screen.getByText('No agents yet')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Clear filters' })).toBeNull();
  });

  it('hides New agent from a user who may only view', () => {
    renderList('/agents', seeded(['view']));
    expect(screen.getByRole('table', { name: 'Agents' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'New agent' })).toBeNull();
  });

  it('offers New agent to a user who may edit', () => {
    renderList('/agents', seeded(['view', 'edit']));
    expect(screen.getByRole('button', { name: 'New agent' })).toBeTruthy();
  });

  it('brings back the project filter and New agent when “Try again” follows an outage', async () => {
    const server = sandbox();
    server.down = true;
    const queryClient = testQueryClient();
    const { user } = renderList('/agents', queryClient);
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('The agents could not be loaded')).toBeTruthy();
    await waitFor(() => expect(projectFilter().disabled).toBe(true));
    expect(projectFilter().options[0]!.text).toBe('Projects did not load');
    expect(screen.queryByRole('button', { name: 'New agent' })).toBeNull();
    const firstAgent = agentQueries.list({ page: 1, perPage: 1 }).queryKey;
    await waitFor(() => expect(queryClient.getQueryState(firstAgent)?.status).toBe('error'));

    server.down = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: 'Care Finder' })).toBeTruthy();
    await waitFor(() => expect(projectFilter().disabled).toBe(false));
    expect(projectFilter().options[0]!.text).toBe('All projects');
    expect(await screen.findByRole('button', { name: 'New agent' })).toBeTruthy();
  });

  it('offers to load the projects again when they alone failed', async () => {
    const server = sandbox();
    server.projectsDown = true;
    const { user } = renderList('/agents', testQueryClient());
    const again = await screen.findByRole('button', { name: 'Load projects again' });
    expect(projectFilter().disabled).toBe(true);
    expect(screen.getByRole('link', { name: 'Care Finder' })).toBeTruthy();

    server.projectsDown = false;
    await user.click(again);
    await waitFor(() => expect(projectFilter().disabled).toBe(false));
    expect(within(projectFilter()).getByRole('option', { name: 'Care Navigation' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Load projects again' })).toBeNull();
  });

  it('keeps the project filter and New agent when a later refetch fails', async () => {
    const queryClient = seeded();
    sandbox().down = true;
    renderList('/agents', queryClient);
    expect(screen.getByRole('button', { name: 'New agent' })).toBeTruthy();
    await act(async () => {
      await queryClient.refetchQueries();
      // The query client tells its observers on the next task.
      await new Promise((r) => setTimeout(r, 0));
    });
    expect(queryClient.getQueryState(catalogQueries.projects().queryKey)?.status).toBe('error');
    expect(queryClient.getQueryState(agentQueries.permissions(1).queryKey)?.status).toBe('error');
    expect(projectFilter().disabled).toBe(false);
    expect(projectFilter().options[0]!.text).toBe('All projects');
    expect(screen.queryByRole('button', { name: 'Load projects again' })).toBeNull();
    expect(screen.getByRole('button', { name: 'New agent' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Care Finder' })).toBeTruthy();
  });

  it('puts the unpublished filter in the URL and goes back to the first page', async () => {
    const queryClient = seeded();
    queryClient.setQueryData(
      agentQueries.list(filters({ page: 2 })).queryKey,
      agentPage(agents, { page: 2, totalPages: 2, total: 22 }),
    );
    const { user, router } = renderList('/agents?page=2', queryClient);
    await user.click(screen.getByRole('switch', { name: 'Has unpublished changes' }));
    await waitFor(() => expect(router.state.location.search).toBe('?unpublished=1'));
  });

  it('puts right in place a URL it cannot read in full, keeping what it could', async () => {
    const { router } = renderList(
      '/agents?page=abc&unpublished=maybe&q=%20care%20&project=101&project=7&utm=x',
    );
    await waitFor(() => expect(router.state.location.search).toBe('?q=care&project=101'));
    // In place: Back does not return to the malformed address.
    expect(router.state.historyAction).toBe('REPLACE');
  });

  it('moves between pages through the URL', async () => {
    const queryClient = seeded();
    queryClient.setQueryData(
      agentQueries.list(filters({ q: 'a' })).queryKey,
      agentPage(agents, { total: 45, totalPages: 3 }),
    );
    const { user, router } = renderList('/agents?q=a', queryClient);
    expect(screen.getByText('1–2 of 45 agents')).toBeTruthy();
    await user.click(await screen.findByRole('button', { name: 'Page 3' }));
    await waitFor(() => expect(router.state.location.search).toBe('?q=a&page=3'));
  });

  it('lands on the last page left when a delete emptied the page the list was on', async () => {
    const queryClient = seeded();
    queryClient.setQueryData(
      agentQueries.list(filters({ page: 3 })).queryKey,
      agentPage([], { page: 3, total: 40, totalPages: 2 }),
    );
    queryClient.setQueryData(
      agentQueries.list(filters({ page: 2 })).queryKey,
      agentPage(agents, { page: 2, total: 40, totalPages: 2 }),
    );
    const { router } = renderList(
      { pathname: '/agents', search: '?page=3', state: { afterDelete: true } },
      queryClient,
    );
    await waitFor(() => expect(router.state.location.search).toBe('?page=2'));
    expect(router.state.historyAction).toBe('REPLACE');
    expect(await screen.findByRole('link', { name: 'Care Finder' })).toBeTruthy();
    expect(screen.queryByText('There is no page 3')).toBeNull();
  });

  it('says a page typed past the end does not exist', () => {
    const queryClient = seeded();
    queryClient.setQueryData(
      agentQueries.list(filters({ page: 3 })).queryKey,
      agentPage([], { page: 3, total: 40, totalPages: 2 }),
    );
    const { router } = renderList('/agents?page=3', queryClient);
    expect(screen.getByText('There is no page 3')).toBeTruthy();
    expect(router.state.location.search).toBe('?page=3');
  });

  it('writes the search to the URL once typing pauses', async () => {
    const { user, router } = renderList('/agents');
    const box = screen.getByRole('searchbox', { name: 'Search agents by name or description' });
    await user.click(box);
    await user.paste('care');
    expect(router.state.location.search).toBe('');
    await waitFor(() => expect(router.state.location.search).toBe('?q=care'));
  });

  it('drops a search still waiting for its pause once an agent is opened, so the list never takes the user back', async () => {
    let arrive: () => void = () => undefined;
    const slowAgent = new Promise<null>((resolve) => (arrive = () => resolve(null)));
    const { user, router } = renderRoutes(
      [
        { path: '/agents', element: <AgentListPage /> },
        { path: '/agents/:agentId', loader: () => slowAgent, element: <p>Agent page</p> },
      ],
      { at: '/agents', queryClient: seeded() },
    );
    await user.click(screen.getByRole('searchbox', { name: 'Search agents by name or description' }));
    await user.paste('care');
    await user.click(screen.getByRole('link', { name: 'Benefits Navigator' }));
    expect(router.state.navigation.location?.pathname).toBe('/agents/1');
    // Longer than the search's pause: had it fired, it would have replaced the pending navigation.
    await new Promise((r) => setTimeout(r, 600));
    expect(router.state.navigation.location?.pathname).toBe('/agents/1');
    arrive();
    expect(await screen.findByText('Agent page')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/agents/1');
    expect(router.state.location.search).toBe('');
  });

  it('drops a waiting search the moment a link away from the list is clicked, before the router says so', async () => {
    const { user, router } = renderList('/agents');
    await user.click(screen.getByRole('searchbox', { name: 'Search agents by name or description' }));
    await user.paste('care');
    const link = screen.getByRole('link', { name: 'Benefits Navigator' });
    // The navigation itself never starts here: only the click is seen.
    link.addEventListener('click', (event) => event.preventDefault(), { once: true });
    link.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 }));
    await new Promise((r) => setTimeout(r, 600));
    expect(router.state.location.search).toBe('');
  });

  it('follows the URL when it changes for another reason, such as Back', async () => {
    const { router } = renderList('/agents?q=care');
    const box = screen.getByRole<HTMLInputElement>('searchbox', {
      name: 'Search agents by name or description',
    });
    expect(box.value).toBe('care');
    await router.navigate('/agents?q=benefits');
    await waitFor(() => expect(box.value).toBe('benefits'));
  });
});
