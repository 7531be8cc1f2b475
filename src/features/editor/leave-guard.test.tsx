// @vitest-environment happy-dom
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Suspense } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AgentEditor } from './agent-editor';
import { AGENT_ID, failure, fakeStaging, renderEditor, resetDrafts } from './editor-test-kit';

// The whole Edit tab renders under happy-dom; on a busy shared machine that takes seconds.
vi.setConfig({ testTimeout: 45_000 });

const renderSettings = () =>
  renderEditor(
    <Suspense fallback={<p>Loading</p>}>
      <AgentEditor agentId={AGENT_ID} />
    </Suspense>,
    { path: '/agents/7/edit?section=settings' },
  );

/** Holds the fake server's answers until `release` is called. */
function holdAnswers(server: ReturnType<typeof fakeStaging>): { release: () => void } {
  let release = () => undefined as void;
  server.state.gate = new Promise<void>((r) => (release = r));
  return {
    release: () => {
      server.state.gate = null;
      release();
    },
  };
}

beforeEach(resetDrafts);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the leave guard', () => {
  it('goes where the user asked once a save under way lands, instead of asking about changes now saved', async () => {
    const server = fakeStaging();
    const user = userEvent.setup({ delay: null });
    const { router } = renderSettings();
    await user.type(screen.getByRole('textbox', { name: 'Name' }), ' Pro');
    const slow = holdAnswers(server);
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    // The agent's Review tab, clicked while the save is under way.
    await act(() => router.navigate('/agents/7/review'));
    const dialog = await screen.findByRole('dialog', { name: 'Leave with unsaved changes?' });
    expect(dialog.textContent).toContain('Settings has changes that are not saved to staging');

    slow.release();
    expect(await screen.findByText('Review tab')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/agents/7/review');
    expect(server.state.detail.config.agent_settings.agent_name).toBe('Benefits Navigator Pro');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('keeps asking when the save under way fails: the changes are still unsaved', async () => {
    const server = fakeStaging();
    const user = userEvent.setup({ delay: null });
    const { router } = renderSettings();
    await user.type(screen.getByRole('textbox', { name: 'Name' }), ' Pro');
    const slow = holdAnswers(server);
    server.state.failNext = failure(500, 'INTERNAL_ERROR', 'Database unavailable');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await act(() => router.navigate('/agents/7/review'));
    await screen.findByRole('dialog', { name: 'Leave with unsaved changes?' });

    slow.release();
    await waitFor(() => expect(screen.getByText('Your changes were not saved')).toBeTruthy());
    const dialog = screen.getByRole('dialog', { name: 'Leave with unsaved changes?' });
    expect(dialog.textContent).toContain('Settings has changes that are not saved to staging');
    expect(router.state.location.pathname).toBe('/agents/7/edit');
    await user.click(within(dialog).getByRole('button', { name: 'Leave anyway' }));
    expect(await screen.findByText('Review tab')).toBeTruthy();
  });
});
