// @vitest-environment happy-dom
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Suspense } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AgentEditor } from './agent-editor';
import { AGENT_ID, fakeStaging, renderEditor, resetDrafts } from './editor-test-kit';

vi.setConfig({ testTimeout: 45_000 });

const renderTab = (section = 'settings') =>
  renderEditor(
    <Suspense fallback={<p>Loading</p>}>
      <AgentEditor agentId={AGENT_ID} />
    </Suspense>,
    { path: `/agents/7/edit?section=${section}` },
  );

beforeEach(resetDrafts);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the Edit tab', () => {
  it('keeps a section’s draft while another section is open, with a dot on it', async () => {
    fakeStaging();
    const user = userEvent.setup({ delay: null });
    const { router } = renderTab('settings');
    await user.type(screen.getByRole('textbox', { name: 'Name' }), ' Pro');
    await user.click(screen.getByRole('link', { name: /^Guardrails/ }));
    await screen.findByRole('button', { name: 'Save guardrails' });
    expect(router.state.location.search).toBe('?section=guardrails');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('link', { name: /Settings.*\(unsaved changes\)/ })).toBeTruthy();
    expect(screen.getByRole('link', { name: /^Guardrails$/ })).toBeTruthy();
    await user.click(screen.getByRole('link', { name: /^Settings/ }));
    const name = await screen.findByRole<HTMLInputElement>('textbox', { name: 'Name' });
    expect(name.value).toBe('Benefits Navigator Pro');
  });

  it('asks before leaving for another tab with unsaved changes, and stays when asked to', async () => {
    fakeStaging();
    const user = userEvent.setup({ delay: null });
    const { router } = renderTab('settings');
    await user.type(screen.getByRole('textbox', { name: 'Name' }), ' Pro');
    await act(() => router.navigate('/agents/7/review'));
    const dialog = await screen.findByRole('dialog', { name: 'Leave with unsaved changes?' });
    expect(dialog.textContent).toContain('Settings has changes that are not saved to staging');
    await user.click(screen.getByRole('button', { name: 'Keep editing' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(router.state.location.pathname).toBe('/agents/7/edit');

    await act(() => router.navigate('/agents/7/review'));
    await user.click(await screen.findByRole('button', { name: 'Leave anyway' }));
    expect(await screen.findByText('Review tab')).toBeTruthy();
  });

  it('lets the user leave without asking once everything is saved', async () => {
    fakeStaging();
    const user = userEvent.setup({ delay: null });
    const { router } = renderTab('settings');
    await user.type(screen.getByRole('textbox', { name: 'Name' }), ' Pro');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText('Saved to staging.');
    await user.click(screen.getAllByRole('link', { name: 'Review changes' })[0]!);
    expect(await screen.findByText('Review tab')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/agents/7/review');
  });

  it('asks the browser to confirm closing the tab only while something is unsaved', async () => {
    fakeStaging();
    const user = userEvent.setup({ delay: null });
    renderTab('settings');
    const closing = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(closing()).toBe(false);
    await user.type(screen.getByRole('textbox', { name: 'Name' }), ' Pro');
    await waitFor(() => expect(closing()).toBe(true));
  });
});
