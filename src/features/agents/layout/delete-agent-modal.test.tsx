// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { jsonResponse, renderAt, stubFetch, testQueryClient } from '@/test/render-with-router';
import { agentQueries } from '@/api/agents/queries';
import { agentPage, agentSummary } from '@/test/agent-fixtures';
import { DeleteAgentModal } from './delete-agent-modal';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const NAME = 'Claims Explainer';

function renderModal(queryClient = testQueryClient()) {
  const onClose = vi.fn();
  const onDeleted = vi.fn();
  renderAt(
    '/agents/7/edit',
    <DeleteAgentModal opened agentId={7} agentName={NAME} onClose={onClose} onDeleted={onDeleted} />,
    { queryClient },
  );
  return { onClose, onDeleted };
}

async function confirmDelete(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByRole('textbox', { name: /Type the agent's name/ }), NAME);
  await user.click(screen.getByRole('button', { name: 'Delete agent' }));
  await waitFor(() =>
    expect(screen.getByRole('button', { name: 'Delete agent' }).getAttribute('data-loading')).toBe('true'),
  );
}

describe('DeleteAgentModal', () => {
  it('cannot be closed while the delete runs, and goes on to what follows a delete', async () => {
    let answer: (response: Response) => void = () => undefined;
    stubFetch(() => new Promise<Response>((resolve) => (answer = resolve)));
    const { onClose, onDeleted } = renderModal();
    const user = userEvent.setup();
    await confirmDelete(user);

    await user.keyboard('{Escape}');
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveProperty('disabled', true);
    expect(screen.queryByRole('button', { name: /close/i })).toBeNull();
    expect(onClose).not.toHaveBeenCalled();

    answer(jsonResponse(200, { success: true, message: 'Deleted', data: { id: 7 } }));
    await waitFor(() => expect(onDeleted).toHaveBeenCalledTimes(1));
  });

  it('shows why nothing was deleted, and forgets it once closed', async () => {
    stubFetch(() =>
      jsonResponse(500, {
        success: false,
        message: 'The sandbox fell over.',
        error: { code: 'INTERNAL_ERROR' },
      }),
    );
    const { onClose, onDeleted } = renderModal();
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: /Type the agent's name/ }), NAME);
    await user.click(screen.getByRole('button', { name: 'Delete agent' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/The agent was not deleted/);
    expect(onDeleted).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('takes the agent out of the cached lists, so the list gone back to never shows it', async () => {
    stubFetch(() => jsonResponse(200, { success: true, message: 'Deleted', data: { id: 7 } }));
    const queryClient = testQueryClient();
    const lastPage = agentQueries.list({ page: 3, perPage: 20 }).queryKey;
    queryClient.setQueryData(
      lastPage,
      agentPage([agentSummary({ id: 7, name: NAME })], { page: 3, total: 41, totalPages: 3 }),
    );
    const other = agentQueries.list({ page: 1, perPage: 20, q: 'care' }).queryKey;
    const untouched = agentPage([agentSummary({ id: 8, name: 'Care Finder' })]);
    queryClient.setQueryData(other, untouched);
    const { onDeleted } = renderModal(queryClient);
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: /Type the agent's name/ }), NAME);
    await user.click(screen.getByRole('button', { name: 'Delete agent' }));
    await waitFor(() => expect(onDeleted).toHaveBeenCalledTimes(1));
    expect(queryClient.getQueryData(lastPage)).toEqual(agentPage([], { page: 3, total: 40, totalPages: 2 }));
    expect(queryClient.getQueryData(other)).toEqual(untouched);
  });

  it('breaks a long name rather than letting it run out of the dialog', () => {
    renderModal();
    expect(screen.getByText(/^This removes “Claims Explainer”/).style.overflowWrap).toBe('anywhere');
  });
});
