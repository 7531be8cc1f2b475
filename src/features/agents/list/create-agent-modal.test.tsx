// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import { agentQueries } from '@/api/agents/queries';
import { catalogQueries } from '@/api/catalog/queries';
import type { AgentDetail } from '@/api/adapter';
import { PROJECTS, agentDetailWire, agentSummaryWire } from '@/test/agent-fixtures';
import { jsonResponse, renderAt, stubFetch, testQueryClient } from '@/test/render-with-router';
import { CreateAgentModal } from './create-agent-modal';

function renderModal(defaultProjectId: number | null = null) {
  const queryClient = testQueryClient();
  queryClient.setQueryData(catalogQueries.projects().queryKey, PROJECTS);
  const onCreated = vi.fn<(agent: AgentDetail) => void>();
  const onClose = vi.fn();
  const view = renderAt(
    '/agents',
    <CreateAgentModal opened onClose={onClose} defaultProjectId={defaultProjectId} onCreated={onCreated} />,
    { queryClient },
  );
  return { ...view, onCreated, onClose };
}

const nameBox = () => screen.getByRole<HTMLInputElement>('textbox', { name: /Name/ });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('CreateAgentModal', () => {
  it('asks for a name and a project before calling the server', async () => {
    const calls = stubFetch(() => jsonResponse(500, {}));
    const { user } = renderModal();
    await user.click(screen.getByRole('button', { name: 'Create agent' }));
    expect(await screen.findByText('The name cannot be empty')).toBeTruthy();
    expect(screen.getByText('Choose a project', { selector: 'p, div' })).toBeTruthy();
    expect(calls).toHaveLength(0);
  });

  it('keeps offering the projects it has when refreshing them fails', async () => {
    stubFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const { queryClient } = renderModal();
    await act(async () => {
      await queryClient.refetchQueries({ queryKey: catalogQueries.projects().queryKey });
      // The query client tells its observers on the next task.
      await new Promise((r) => setTimeout(r, 0));
    });
    expect(queryClient.getQueryState(catalogQueries.projects().queryKey)?.status).toBe('error');
    expect(screen.queryByText(/Projects could not be loaded/)).toBeNull();
    expect(screen.getByPlaceholderText('Choose a project').getAttribute('aria-invalid')).not.toBe('true');
  });

  it('asks for a project when the list is filtered by one the catalogue does not hold', async () => {
    const calls = stubFetch(() => jsonResponse(500, {}));
    const { user } = renderModal(999);
    await user.click(nameBox());
    await user.paste('Benefits Navigator');
    await user.click(screen.getByRole('button', { name: 'Create agent' }));
    expect(await screen.findByText('Choose a project', { selector: 'p, div' })).toBeTruthy();
    expect(calls).toHaveLength(0);
  });

  it('shows the server’s field errors at the fields and keeps what was typed', async () => {
    stubFetch(() =>
      jsonResponse(422, {
        success: false,
        message: 'The agent could not be created',
        error: {
          code: 'VALIDATION_ERROR',
          details: [
            { field: 'agent_name', message: 'An agent with this name already exists in the project' },
          ],
        },
      }),
    );
    const { user, onCreated } = renderModal(103);
    await user.click(nameBox());
    await user.paste('Benefits Navigator');
    await user.click(screen.getByRole('button', { name: 'Create agent' }));

    expect(await screen.findByText('An agent with this name already exists in the project')).toBeTruthy();
    expect(nameBox().value).toBe('Benefits Navigator');
    expect(nameBox().getAttribute('aria-invalid')).toBe('true');
    expect(onCreated).not.toHaveBeenCalled();
  });

  it('says inline when the user may not create agents', async () => {
    stubFetch(() =>
      jsonResponse(403, {
        success: false,
        message: 'You do not have edit permission',
        error: { code: 'FORBIDDEN' },
      }),
    );
    const { user } = renderModal(103);
    await user.click(nameBox());
    await user.paste('Mine');
    await user.click(screen.getByRole('button', { name: 'Create agent' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('You do not have edit permission');
    expect(nameBox().value).toBe('Mine');
  });

  it('sends the trimmed name and the project, and hands back the new agent already in the cache', async () => {
    const calls = stubFetch((url, init) =>
      url.pathname === '/api/v2/agents' && init.method === 'POST'
        ? jsonResponse(201, {
            success: true,
            message: 'Agent created',
            data: agentDetailWire({ id: 42, agent_name: 'Nurse Helper' }),
          })
        : jsonResponse(200, {
            success: true,
            data: { agents: [], total_records: 0, current_page: 1, total_pages: 0 },
          }),
    );
    const { user, onCreated, queryClient } = renderModal(101);
    await user.click(nameBox());
    await user.paste('  Nurse Helper ');
    await user.click(screen.getByRole('button', { name: 'Create agent' }));

    await waitFor(() => expect(onCreated).toHaveBeenCalledTimes(1));
    expect(onCreated.mock.calls[0]![0].id).toBe(42);
    const post = calls.find((c) => c.init.method === 'POST')!;
    expect(JSON.parse(post.init.body as string)).toEqual({ agent_name: 'Nurse Helper', project_id: 101 });
    expect(queryClient.getQueryData(agentQueries.detail(42).queryKey)?.config.agent_settings.agent_name).toBe(
      'Nurse Helper',
    );
  });

  it('cannot be closed while the agent is being created', async () => {
    let answer: (response: Response) => void = () => undefined;
    stubFetch((url, init) =>
      url.pathname === '/api/v2/agents' && init.method === 'POST'
        ? new Promise<Response>((resolve) => (answer = resolve))
        : jsonResponse(200, {
            success: true,
            data: { agents: [], total_records: 0, current_page: 1, total_pages: 0 },
          }),
    );
    const { user, onCreated } = renderModal(101);
    const dialog = screen.getByRole('dialog', { name: 'New agent' });
    expect(dialog.querySelector('.mantine-Modal-close')).not.toBeNull();
    await user.click(nameBox());
    await user.paste('Nurse Helper');
    await user.click(screen.getByRole('button', { name: 'Create agent' }));
    await waitFor(() => expect(dialog.querySelector('.mantine-Modal-close')).toBeNull());

    answer(
      jsonResponse(201, {
        success: true,
        message: 'Agent created',
        data: agentDetailWire({ id: 42, agent_name: 'Nurse Helper' }),
      }),
    );
    await waitFor(() => expect(onCreated).toHaveBeenCalledTimes(1));
  });

  it('warns, without refusing, when the project already has an agent of that name', async () => {
    const listed = agentSummaryWire({
      id: 7,
      last_published_on: '2026-11-20T10:00:00.000000Z',
      live_version: 3,
    });
    const calls = stubFetch((url, init) =>
      url.pathname === '/api/v2/agents' && init.method === 'POST'
        ? jsonResponse(201, {
            success: true,
            message: 'Agent created',
            data: agentDetailWire({ id: 42, agent_name: 'benefits navigator' }),
          })
        : jsonResponse(200, {
            success: true,
            message: 'OK',
            data: { agents: [listed], total_records: 1, current_page: 1, total_pages: 1 },
          }),
    );
    const { user, onCreated } = renderModal(103);
    await user.click(nameBox());
    await user.paste(' benefits  navigator');

    const warning = await screen.findByRole('status');
    expect(warning.textContent).toContain(
      'Employee Experience already has an agent called “Benefits Navigator”',
    );
    const search = calls.find((c) => c.url.pathname === '/api/v2/agents' && c.init.method !== 'POST')!;
    expect(search.url.searchParams.get('q')).toBe('benefits navigator');
    expect(search.url.searchParams.get('project_id')).toBe('103');
    expect(nameBox().getAttribute('aria-invalid')).not.toBe('true');

    await user.type(nameBox(), ' 2');
    await waitFor(() => expect(screen.queryByRole('status')).toBeNull());
    await user.type(nameBox(), '{Backspace}{Backspace}');
    expect(await screen.findByRole('status')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Create agent' }));
    await waitFor(() => expect(onCreated).toHaveBeenCalledTimes(1));
  });

  it('is not closed by a click beside it once a name is typed, which went with it', async () => {
    stubFetch(() => jsonResponse(500, {}));
    const { user, onClose } = renderModal(103);
    const overlay = () => document.querySelector<HTMLElement>('.mantine-Modal-overlay')!;
    await user.click(overlay());
    expect(onClose).toHaveBeenCalledTimes(1);

    await user.click(nameBox());
    await user.paste('Nurse Helper');
    await user.click(overlay());
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(nameBox().value).toBe('Nurse Helper');
    // Cancel still closes it.
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onClose).toHaveBeenCalledTimes(2);
  });
});
