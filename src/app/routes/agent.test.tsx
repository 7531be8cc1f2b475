// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { agentQueries } from '@/api/agents/queries';
import { agentDetail, agentDetailWire } from '@/test/agent-fixtures';
import { jsonResponse, renderRoutes, stubFetch, testQueryClient } from '@/test/render-with-router';
import { setSession } from '@/api/session';
import { queryClient as appQueryClient } from '../query-client';
import { screens } from '../screens';
import { draftStore } from '@/features/editor/draft-store';
import { forgetAgentListView, rememberAgentListView } from '@/lib/agent-list-view';
import { Component, ErrorBoundary } from './agent';

function renderAgent(at: string, queryClient = testQueryClient()) {
  return renderRoutes(
    [
      {
        path: '/agents/:agentId',
        Component,
        ErrorBoundary,
        children: [
          { path: 'edit', element: <p>Edit tab</p> },
          { path: 'review', element: <p>Review tab</p> },
          {
            path: 'history',
            Component: () => {
              throw new Error('History exploded');
            },
          },
        ],
      },
      { path: '/agents', element: <p>Agent list</p> },
    ],
    { at, queryClient },
  );
}

const notFound = () =>
  jsonResponse(404, { success: false, message: 'No agent with id 123', error: { code: 'NOT_FOUND' } });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  forgetAgentListView();
});

describe('the agent route', () => {
  it('shows the live version, the unpublished badge and the revert banner above the tab', () => {
    stubFetch(() => jsonResponse(500, {}));
    const queryClient = testQueryClient();
    queryClient.setQueryData(
      agentQueries.detail(7).queryKey,
      agentDetail({
        id: 7,
        agent_name: 'Care Finder',
        live_version: 12,
        has_unpublished_changes: true,
        staging_rolled_back_to: {
          change_track_id: 40,
          version: 9,
          by: 'admin@example.com',
          on: '2026-11-28T19:43:15.123456Z',
        },
      }),
    );
    queryClient.setQueryData(agentQueries.permissions(7).queryKey, ['view']);
    renderAgent('/agents/7/review', queryClient);

    expect(screen.getByRole('heading', { name: 'Care Finder' })).toBeTruthy();
    expect(screen.getByText('Live v12')).toBeTruthy();
    expect(screen.getByText('Unpublished changes')).toBeTruthy();
    const banner = screen.getByRole('alert', { name: 'Staging was reverted' });
    expect(banner.textContent).toContain('Staging was reverted to version 9 by admin@example.com on');
    expect(banner.textContent).toContain('Production is unchanged until staging is published.');
    // Already on Review changes: the banner does not offer it again.
    expect(within(banner).queryByRole('link', { name: 'Review changes' })).toBeNull();
    expect(screen.getByText('Review tab')).toBeTruthy();
  });

  /** Agent 7, reverted to version 9 by an admin, open on its Edit tab. */
  function revertedAgentOnEdit(over: Parameters<typeof agentDetail>[0] = {}) {
    stubFetch(() => jsonResponse(500, {}));
    const queryClient = testQueryClient();
    queryClient.setQueryData(
      agentQueries.detail(7).queryKey,
      agentDetail({
        id: 7,
        has_unpublished_changes: true,
        staging_rolled_back_to: {
          change_track_id: 40,
          version: 9,
          by: 'admin@example.com',
          on: '2026-11-28T19:43:15Z',
        },
        ...over,
      }),
    );
    queryClient.setQueryData(agentQueries.permissions(7).queryKey, ['view']);
    renderAgent('/agents/7/edit', queryClient);
    return screen.getByRole('alert', { name: 'Staging was reverted' });
  }

  it('says when staging was edited after the revert', () => {
    const banner = revertedAgentOnEdit({
      modified_by: 'editor2@example.com',
      modified_on: '2026-11-28T20:05:00.000000Z',
    });
    expect(banner.textContent).toMatch(
      /^Staging was reverted to version 9 by admin@example\.com on .+, and edited since \(last by editor2@example\.com on .+\)\. Production is unchanged/,
    );
  });

  it('from another tab, the revert banner links to Review changes', () => {
    const banner = revertedAgentOnEdit();
    expect(within(banner).getByRole('link', { name: 'Review changes' }).getAttribute('href')).toBe(
      '/agents/7/review',
    );
  });

  it('marks the tab of the URL as selected, each tab being a link', () => {
    stubFetch(() => jsonResponse(500, {}));
    const queryClient = testQueryClient();
    queryClient.setQueryData(agentQueries.detail(7).queryKey, agentDetail({ id: 7 }));
    queryClient.setQueryData(agentQueries.permissions(7).queryKey, ['view']);
    renderAgent('/agents/7/review', queryClient);
    const review = screen.getByRole('tab', { name: 'Review changes' });
    expect(review.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tab', { name: 'History' }).getAttribute('href')).toBe('/agents/7/history');
    expect(screen.getByRole('tab', { name: 'Edit' }).getAttribute('aria-selected')).toBe('false');
    expect(screen.getByText('Staging matches production')).toBeTruthy();
    expect(screen.queryByRole('alert', { name: 'Staging was reverted' })).toBeNull();
  });

  it('goes back to the list as it was left once the agent is deleted', async () => {
    rememberAgentListView({ q: 'claims', projectId: 104, unpublishedOnly: false, page: 2 });
    stubFetch((_url, init) =>
      init.method === 'DELETE'
        ? jsonResponse(200, { success: true, message: 'Agent deleted', data: { id: 7 } })
        : jsonResponse(500, {}),
    );
    const queryClient = testQueryClient();
    queryClient.setQueryData(
      agentQueries.detail(7).queryKey,
      agentDetail({ id: 7, agent_name: 'Claims Explainer' }),
    );
    queryClient.setQueryData(agentQueries.permissions(7).queryKey, ['view', 'edit', 'publish', 'rollback']);
    const { user, router } = renderAgent('/agents/7/edit', queryClient);

    await user.click(screen.getByRole('button', { name: 'More actions' }));
    await user.click(await screen.findByText('Delete agent…'));
    await user.type(
      await screen.findByRole('textbox', { name: /Type the agent's name/ }),
      'Claims Explainer',
    );
    await user.click(screen.getByRole('button', { name: 'Delete agent' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/agents'));
    expect(router.state.location.search).toBe('?q=claims&project=104&page=2');
    // The list uses it to move to the last page left if the delete emptied this one.
    expect(router.state.location.state).toEqual({ afterDelete: true });
  });

  it('says which agent was not found, with a way back to the list', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    stubFetch(notFound);
    const { user, router } = renderAgent('/agents/123/edit');
    expect(await screen.findByRole('heading', { name: 'Agent 123 was not found' })).toBeTruthy();
    await user.click(screen.getByRole('link', { name: 'Back to agents' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/agents'));
  });

  it('names the missing agent in the page’s top-level heading and in the browser tab', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    stubFetch(notFound);
    renderAgent('/agents/123/edit');
    expect(await screen.findByRole('heading', { level: 1, name: 'Agent 123 was not found' })).toBeTruthy();
    expect(document.title).toBe('Agent 123 was not found – Ejento · Staging & Publishing');
  });

  it('names the browser tab after the agent and the tab open, following the tabs', async () => {
    stubFetch(() => jsonResponse(500, {}));
    const queryClient = testQueryClient();
    queryClient.setQueryData(
      agentQueries.detail(7).queryKey,
      agentDetail({ id: 7, agent_name: 'Care Finder' }),
    );
    queryClient.setQueryData(agentQueries.permissions(7).queryKey, ['view']);
    const { user } = renderAgent('/agents/7/edit', queryClient);
    expect(document.title).toBe('Care Finder · Edit – Ejento · Staging & Publishing');
    await user.click(screen.getByRole('tab', { name: 'Review changes' }));
    await screen.findByText('Review tab');
    expect(document.title).toBe('Care Finder · Review changes – Ejento · Staging & Publishing');
  });

  it('keeps what was typed for an agent deleted meanwhile, field by field as typed, to copy out, until forgotten', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const prompt = 'You help with claims.\n\n  - Be brief.\r\n\t"Quote" \\n stays';
    draftStore.set(123, 'settings', {
      base: { agent_name: 'Old', domain: 'Same', prefix_prompt: 'Old prompt' },
      baseRevision: 3,
      values: { agent_name: 'Typed before the delete', domain: 'Same', prefix_prompt: prompt },
      conflict: null,
    });
    stubFetch(notFound);
    const { user } = renderAgent('/agents/123/edit');
    expect(await screen.findByRole('heading', { name: 'Agent 123 was not found' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Your unsaved changes' })).toBeTruthy();
    // The fields' code loads when there is something to show.
    const settings = await screen.findByRole('region', { name: 'Settings' });
    // The fields changed, not the whole form, each labelled as the form labels it, as typed.
    const name = within(settings).getByRole<HTMLTextAreaElement>('textbox', { name: 'Name' });
    expect(name.readOnly).toBe(true);
    expect(name.value).toBe('Typed before the delete');
    const typed = within(settings).getByRole<HTMLTextAreaElement>('textbox', { name: 'System prompt' });
    expect(typed.value).toBe(prompt);
    expect(within(settings).queryByRole('textbox', { name: 'Description' })).toBeNull();
    expect(settings.textContent).not.toContain('agent_name');

    await user.click(within(settings).getByRole('button', { name: 'Copy System prompt' }));
    expect(await navigator.clipboard.readText()).toBe(prompt);
    expect(within(settings).getByRole('button', { name: 'Copy Name' })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Forget these changes' }));
    expect(screen.queryByRole('heading', { name: 'Your unsaved changes' })).toBeNull();
    expect(draftStore.get(123, 'settings')).toBeNull();
  });

  it('offers no other agent’s drafts where the URL names no agent', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    draftStore.set(100, 'settings', {
      base: { agent_name: 'Old' },
      baseRevision: 3,
      values: { agent_name: 'Agent 100’s draft' },
      conflict: null,
    });
    stubFetch(notFound);
    renderAgent('/agents/1e2/edit');
    expect(await screen.findByRole('heading', { name: 'Agent 1e2 was not found' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Your unsaved changes' })).toBeNull();
    expect(draftStore.get(100, 'settings')).not.toBeNull();
  });

  it('offers a retry after another failure, and shows the agent once it loads', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    let up = false;
    stubFetch((url) => {
      if (!up) return jsonResponse(503, {});
      return url.pathname.endsWith('/permissions/me')
        ? jsonResponse(200, { success: true, data: { permissions: ['view'] } })
        : jsonResponse(200, { success: true, data: agentDetailWire({ id: 5 }) });
    });
    const { user } = renderAgent('/agents/5/edit');
    expect(await screen.findByRole('heading', { name: 'Agent 5 could not be loaded' })).toBeTruthy();
    expect(screen.getByText(/unavailable/)).toBeTruthy();
    up = true;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'Benefits Navigator' })).toBeTruthy();
    expect(screen.getByText('Edit tab')).toBeTruthy();
  });

  it('keeps the header and tabs when a tab fails to render', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    stubFetch(() => jsonResponse(500, {}));
    const queryClient = testQueryClient();
    queryClient.setQueryData(
      agentQueries.detail(7).queryKey,
      agentDetail({ id: 7, agent_name: 'Care Finder' }),
    );
    queryClient.setQueryData(agentQueries.permissions(7).queryKey, ['view']);
    renderAgent('/agents/7/history', queryClient);
    expect(screen.getByRole('heading', { name: 'This tab could not be shown' })).toBeTruthy();
    expect(screen.getByText('History exploded')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Care Finder' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Edit' })).toBeTruthy();
  });

  it('fetches the staging diff in a pause when the agent has changes to review, and only then', async () => {
    // The other tabs' code, which the same pause preloads, is not what this test is about.
    for (const screen of ['agentEdit', 'agentReview', 'agentHistory'] as const) {
      vi.spyOn(screens, screen).mockReturnValue(new Promise(() => {}));
    }
    vi.stubGlobal('requestIdleCallback', (run: () => void) => setTimeout(run, 0));
    vi.stubGlobal('cancelIdleCallback', (handle: number) => clearTimeout(handle));
    setSession({ ejentoToken: 'platform-1', authToken: 'auth-1' });
    try {
      const calls = stubFetch(() => jsonResponse(500, {}));
      const staged = (id: number) =>
        calls.filter((c) => c.url.pathname === `/api/v2/agents/${id}/staging-diff`);
      appQueryClient.setQueryData(
        agentQueries.detail(7).queryKey,
        agentDetail({ id: 7, has_unpublished_changes: true }),
      );
      appQueryClient.setQueryData(agentQueries.permissions(7).queryKey, ['view']);
      renderAgent('/agents/7/edit', appQueryClient);
      expect(staged(7)).toHaveLength(0);
      await waitFor(() => expect(staged(7)).toHaveLength(1), { timeout: 4_000 });
      cleanup();

      appQueryClient.setQueryData(
        agentQueries.detail(8).queryKey,
        agentDetail({ id: 8, has_unpublished_changes: false }),
      );
      appQueryClient.setQueryData(agentQueries.permissions(8).queryKey, ['view']);
      renderAgent('/agents/8/edit', appQueryClient);
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      expect(staged(8)).toHaveLength(0);
    } finally {
      setSession(null);
      appQueryClient.clear();
    }
  }, 10_000);
});
