// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Suspense } from 'react';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { LIMITS } from '@contract';
import { AgentEditor } from './agent-editor';
import { draftStore } from './draft-store';
import { AGENT_ID, detailFixture, failure, fakeStaging, renderEditor, resetDrafts } from './editor-test-kit';
import { agentSummaryWire } from '@/test/agent-fixtures';
import { configFixture } from './model/config-fixture';

const renderSettings = (opts: Parameters<typeof renderEditor>[1] = {}) =>
  renderEditor(
    <Suspense fallback={<p>Loading</p>}>
      <AgentEditor agentId={AGENT_ID} />
    </Suspense>,
    { path: '/agents/7/edit?section=settings', ...opts },
  );

// The whole Edit tab renders under happy-dom; on a busy shared machine that takes seconds.
vi.setConfig({ testTimeout: 45_000 });

beforeEach(resetDrafts);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const nameField = () => screen.getByRole('textbox', { name: 'Name' });

/** Holds the fake server's next answer until `release` is called. */
function holdNextAnswer(server: ReturnType<typeof fakeStaging>): { release: () => void } {
  let release = () => undefined as void;
  server.state.gate = new Promise<void>((r) => (release = r));
  return { release: () => release() };
}
const saveButton = () => screen.getByRole('button', { name: 'Save settings' });

describe('the settings section', () => {
  it('shows a validation error at the field, keeps the text and sends nothing', async () => {
    const server = fakeStaging();
    const user = userEvent.setup({ delay: null });
    renderSettings();
    await user.clear(nameField());
    await user.type(nameField(), '   ');
    await user.click(saveButton());
    expect(await screen.findByText('The name cannot be empty')).toBeTruthy();
    expect((nameField() as HTMLInputElement).value).toBe('   ');
    expect(screen.getByText('Fix the highlighted fields to save.')).toBeTruthy();
    expect(server.edits()).toEqual([]);
  });

  it('keeps a focused field clear of the save bar, by a scroll padding at least as tall as the bar while it is shown', () => {
    fakeStaging();
    // happy-dom lays nothing out: the bar is given a phone's two lines.
    const measured = vi
      .spyOn(HTMLElement.prototype, 'getBoundingClientRect')
      .mockReturnValue(DOMRect.fromRect({ x: 0, y: 760, width: 390, height: 84 }));
    onTestFinished(() => measured.mockRestore());
    const { unmount } = renderSettings();
    expect(saveButton()).toBeTruthy();
    expect(document.documentElement.style.getPropertyValue('--save-bar-clearance')).toBe('100px');
    unmount();
    expect(document.documentElement.style.getPropertyValue('--save-bar-clearance')).toBe('');
  });

  it('brings a text box given the focus whole into view above the save bar, unless the pointer went down in it', async () => {
    fakeStaging();
    renderSettings();
    const description = screen.getByRole('textbox', { name: 'Description' });
    // happy-dom lays nothing out: on a phone, the browser showed the box's first line only, the
    // rest under the bar (its top at 763).
    const measured = vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (
      this: HTMLElement,
    ) {
      return this === description
        ? DOMRect.fromRect({ x: 16, y: 709, width: 358, height: 78 })
        : DOMRect.fromRect({ x: 0, y: 763, width: 390, height: 81 });
    });
    const scrolled = vi.spyOn(HTMLElement.prototype, 'scrollIntoView').mockImplementation(() => {});
    onTestFinished(() => {
      measured.mockRestore();
      scrolled.mockRestore();
    });

    fireEvent.pointerDown(description);
    act(() => description.focus());
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(scrolled).not.toHaveBeenCalled();

    act(() => description.blur());
    act(() => description.focus());
    await waitFor(() => expect(scrolled).toHaveBeenCalledWith({ block: 'nearest' }));
    expect(scrolled.mock.contexts).toEqual([description]);
  });

  it('puts back a limit left empty when ReAct is turned off, so the disabled field does not refuse the save', async () => {
    const server = fakeStaging();
    const user = userEvent.setup({ delay: null });
    renderSettings();
    const react = screen.getByRole('switch', { name: /ReAct/ });
    const limit = () => screen.getByRole<HTMLInputElement>('textbox', { name: 'ReAct iteration limit' });
    await user.click(react);
    await user.clear(limit());
    await user.click(react);
    expect(limit().disabled).toBe(true);
    await user.clear(nameField());
    await user.type(nameField(), 'Benefits Guide');
    await user.click(saveButton());
    expect(await screen.findByText('Saved to staging.')).toBeTruthy();
    expect(limit().value).toBe('5');
    expect(server.edits().map((c) => c.body)).toEqual([{ agent_name: 'Benefits Guide' }]);
  });

  it('warns, without refusing, of a name another agent of the project has, not of its own', async () => {
    const server = fakeStaging();
    const listed = (id: number, agent_name: string) =>
      agentSummaryWire({ id, agent_name, project: detailFixture().project });
    server.state.listed = [
      listed(AGENT_ID, detailFixture().config.agent_settings.agent_name),
      listed(12, 'Claims Helper'),
    ];
    const user = userEvent.setup({ delay: null });
    renderSettings();
    await user.clear(nameField());
    await user.paste('claims  helper');
    await waitFor(() =>
      expect(screen.getByText(/already has an agent called “Claims Helper”/).textContent).toContain(
        'You can still save this name',
      ),
    );
    // Back to its own name: nothing to warn of, though the list holds it.
    await user.clear(nameField());
    await user.paste(detailFixture().config.agent_settings.agent_name);
    await waitFor(() => expect(screen.queryByText(/already has an agent called/)).toBeNull());
    await user.clear(nameField());
    await user.paste('Claims Helper');
    await user.click(saveButton());
    await screen.findByText('Saved to staging.');
    expect(server.edits().map((c) => c.body)).toEqual([{ agent_name: 'Claims Helper' }]);
  });

  it('keeps a pasted name over the limit whole, and says so at the field', async () => {
    const server = fakeStaging();
    const user = userEvent.setup({ delay: null });
    renderSettings();
    const long = `${'Member benefits navigator '.repeat(12)}(pilot)`;
    expect(long.length).toBeGreaterThan(LIMITS.agentName + 50);
    await user.clear(nameField());
    await user.click(nameField());
    await user.paste(long);
    expect((nameField() as HTMLInputElement).value).toBe(long);
    await user.click(saveButton());
    expect(await screen.findByText(`The name is at most ${LIMITS.agentName} characters`)).toBeTruthy();
    expect((nameField() as HTMLInputElement).value).toBe(long);
    expect(server.edits()).toEqual([]);
  });

  it('calls out an iteration limit out of range at the field, as typed, instead of changing it', async () => {
    const server = fakeStaging();
    const user = userEvent.setup({ delay: null });
    renderSettings();
    await user.click(screen.getByRole('switch', { name: /ReAct/ }));
    const limit = screen.getByRole('textbox', { name: 'ReAct iteration limit' });
    await user.clear(limit);
    await user.type(limit, '51');
    await user.click(saveButton());
    expect(await screen.findByText('At most 50 iterations')).toBeTruthy();
    expect((limit as HTMLInputElement).value).toBe('51');
    await user.clear(limit);
    await user.type(limit, '-3');
    await user.tab();
    expect(await screen.findByText('At least 1 iteration')).toBeTruthy();
    expect((limit as HTMLInputElement).value).toBe('-3');
    expect(server.edits()).toEqual([]);
  });

  it('marks unsaved changes, then saves only the changed field with If-Match', async () => {
    const server = fakeStaging();
    const user = userEvent.setup({ delay: null });
    renderSettings();
    expect(screen.getByText('No unsaved changes.')).toBeTruthy();
    await user.type(nameField(), ' Pro');
    expect(await screen.findByText('You have unsaved changes.')).toBeTruthy();
    expect(screen.getByRole('link', { name: /Settings.*unsaved changes/ })).toBeTruthy();
    await user.click(saveButton());
    expect(await screen.findByText('Saved to staging.')).toBeTruthy();
    expect(server.edits()).toEqual([
      {
        method: 'PUT',
        path: '/api/v2/agents/7',
        body: { agent_name: 'Benefits Navigator Pro' },
        ifMatch: '"4"',
      },
    ]);
    // The save bar's link, and the nav's now that staging differs from production.
    expect(screen.getAllByRole('link', { name: 'Review changes' })).toHaveLength(2);
    expect(screen.queryByRole('link', { name: /unsaved changes/ })).toBeNull();
    expect((nameField() as HTMLInputElement).value).toBe('Benefits Navigator Pro');
  });

  it('keeps the same fields after a save of what they show, and saves again over the new revision', async () => {
    const server = fakeStaging();
    const user = userEvent.setup({ delay: null });
    renderSettings();
    const prompt = screen.getByRole('textbox', { name: 'System prompt' });
    await user.type(nameField(), ' Pro');
    await user.click(saveButton());
    expect(await screen.findByText('Saved to staging.')).toBeTruthy();
    // Not drawn anew: a field holding a 100,000-line prompt would have its text laid out again.
    expect(screen.getByRole('textbox', { name: 'System prompt' })).toBe(prompt);
    await user.type(nameField(), ' Max');
    expect(await screen.findByText('You have unsaved changes.')).toBeTruthy();
    await user.click(saveButton());
    expect(await screen.findByText('Saved to staging.')).toBeTruthy();
    expect(server.edits().map((c) => [c.ifMatch, c.body])).toEqual([
      ['"4"', { agent_name: 'Benefits Navigator Pro' }],
      ['"5"', { agent_name: 'Benefits Navigator Pro Max' }],
    ]);
    expect(screen.getByRole('textbox', { name: 'System prompt' })).toBe(prompt);
    // Discarding still starts the form afresh from staging.
    await user.type(nameField(), ' Ultra');
    await user.click(await screen.findByRole('button', { name: 'Discard changes' }));
    await user.click(await screen.findByRole('button', { name: 'Discard' }));
    await waitFor(() => expect((nameField() as HTMLInputElement).value).toBe('Benefits Navigator Pro Max'));
  });

  it('saves a prompt written with CRLFs with its CRLFs, and keeps the same fields after', async () => {
    const config = configFixture();
    const crlf = 'You help members.\r\nAnswer in plain language.';
    const detail = detailFixture(
      {},
      { ...config, agent_settings: { ...config.agent_settings, prefix_prompt: crlf } },
    );
    const server = fakeStaging(detail);
    const user = userEvent.setup({ delay: null });
    renderSettings({ detail });
    const prompt = screen.getByRole('textbox', { name: 'System prompt' });
    // What a browser's text field hands back, whatever it was given: LF line breaks.
    fireEvent.change(prompt, { target: { value: 'You help members.\nAnswer in plain, kind language.' } });
    await user.click(saveButton());
    expect(await screen.findByText('Saved to staging.')).toBeTruthy();
    expect(server.edits().map((c) => c.body)).toEqual([
      { prefix_prompt: 'You help members.\r\nAnswer in plain, kind language.' },
    ]);
    expect(screen.getByRole('textbox', { name: 'System prompt' })).toBe(prompt);
  });

  it('with a long prompt, writes the first draft once typing pauses, marks it unsaved and saves it', async () => {
    const longPrompt = 'Always cite the policy section.\n'.repeat(1_000);
    const base = configFixture();
    const detail = detailFixture(
      {},
      { ...base, agent_settings: { ...base.agent_settings, prefix_prompt: longPrompt } },
    );
    const server = fakeStaging(detail);
    const user = userEvent.setup({ delay: null });
    renderSettings({ detail });
    const prompt = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'System prompt' });
    await user.click(prompt);
    await user.keyboard('{Control>}{End}{/Control}!');
    // Not between two keys: writing a long draft would hold the next key back.
    expect(sessionStorage.length).toBe(0);
    expect(await screen.findByText('You have unsaved changes.')).toBeTruthy();
    expect(sessionStorage.length).toBe(1);
    await user.click(saveButton());
    expect(await screen.findByText('Saved to staging.')).toBeTruthy();
    const sent = server.edits()[0]?.body as { prefix_prompt?: string } | undefined;
    expect(sent?.prefix_prompt?.length).toBe(longPrompt.length + 1);
  });

  it('clears the model from the keyboard, back to the organisation’s default', async () => {
    const server = fakeStaging();
    const user = userEvent.setup({ delay: null });
    renderSettings();
    const clear = screen.getByRole('button', { name: 'Clear the model' });
    expect(clear.tabIndex).toBe(0);
    expect(clear.getAttribute('aria-hidden')).not.toBe('true');
    clear.focus();
    await user.keyboard('{Enter}');
    expect(screen.getByLabelText<HTMLInputElement>(/^Model/, { selector: 'input' }).value).toBe('');
    await user.click(saveButton());
    expect(await screen.findByText('Saved to staging.')).toBeTruthy();
    expect(server.edits().map((c) => c.body)).toEqual([{ llm_config: null }]);
  });

  it('discards back to what staging holds once asked, and puts the focus on the first field', async () => {
    fakeStaging();
    const user = userEvent.setup({ delay: null });
    renderSettings();
    await user.type(nameField(), ' X');
    await user.click(await screen.findByRole('button', { name: 'Discard changes' }));
    const dialog = await screen.findByRole('dialog', { name: 'Discard unsaved changes?' });
    expect(
      within(dialog).getByText('Discard your unsaved changes to Settings?', { exact: false }),
    ).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Discard' }));
    await waitFor(() => expect((nameField() as HTMLInputElement).value).toBe('Benefits Navigator'));
    expect(screen.getByText('No unsaved changes.')).toBeTruthy();
    expect(sessionStorage.length).toBe(0);
    await waitFor(() => expect(document.activeElement).toBe(nameField()));
  });

  it('keeps the changes when the question to discard them is turned down, with the button or Escape', async () => {
    const server = fakeStaging();
    const user = userEvent.setup({ delay: null });
    renderSettings();
    await user.type(nameField(), ' X');
    const discard = screen.getByRole('button', { name: 'Discard changes' });
    await user.click(discard);
    const dialog = await screen.findByRole('dialog', { name: 'Discard unsaved changes?' });
    // The safe choice has the focus: Enter alone loses nothing.
    const keep = within(dialog).getByRole('button', { name: 'Keep editing' });
    await waitFor(() => expect(document.activeElement).toBe(keep));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(discard));
    await user.click(discard);
    await screen.findByRole('dialog', { name: 'Discard unsaved changes?' });
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(discard));
    expect((nameField() as HTMLInputElement).value).toBe('Benefits Navigator X');
    expect(screen.getByText('You have unsaved changes.')).toBeTruthy();
    expect(sessionStorage.length).toBe(1);
    expect(server.edits()).toEqual([]);
  });

  it('keeps the draft in sessionStorage, so a new page brings the text back', async () => {
    fakeStaging();
    const user = userEvent.setup({ delay: null });
    const first = renderSettings();
    await user.type(nameField(), ' Draft');
    first.unmount();
    renderSettings();
    expect((nameField() as HTMLInputElement).value).toBe('Benefits Navigator Draft');
    expect(screen.getByText('You have unsaved changes.')).toBeTruthy();
  });

  it('keeps what was typed when the server fails, and retries', async () => {
    const server = fakeStaging();
    const user = userEvent.setup({ delay: null });
    renderSettings();
    await user.type(nameField(), ' Pro');
    server.state.failNext = failure(500, 'INTERNAL_ERROR', 'Database unavailable');
    await user.click(saveButton());
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Your changes were not saved')).toBeTruthy();
    expect(within(alert).getByText('The server could not save this: Database unavailable')).toBeTruthy();
    expect(within(alert).queryByText(/\(500\)/), 'a status code means nothing to the reader').toBeNull();
    expect((nameField() as HTMLInputElement).value).toBe('Benefits Navigator Pro');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Saved to staging.')).toBeTruthy();
    expect(server.state.detail.config.agent_settings.agent_name).toBe('Benefits Navigator Pro');
  });

  it('when the answer to a save is lost but staging holds it, says saved', async () => {
    const server = fakeStaging();
    const user = userEvent.setup({ delay: null });
    renderSettings();
    await user.type(nameField(), ' Pro');
    server.state.loseNextAnswer = true;
    await user.click(saveButton());
    expect(await screen.findByText('Saved to staging.')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(server.edits()).toHaveLength(1);
    expect(server.state.detail.config.agent_settings.agent_name).toBe('Benefits Navigator Pro');
    expect((nameField() as HTMLInputElement).value).toBe('Benefits Navigator Pro');
  });

  it('when a save’s answer was lost and its retry finds staging already holding it, says saved, not a conflict', async () => {
    const server = fakeStaging();
    const user = userEvent.setup({ delay: null });
    renderSettings();
    await user.type(nameField(), ' Pro');
    // The edit lands, its answer is lost, and staging cannot be read to find out.
    server.state.loseNextAnswer = true;
    server.state.readsFail = true;
    await user.click(saveButton());
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Your changes were not saved')).toBeTruthy();
    server.state.readsFail = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Saved to staging.')).toBeTruthy();
    expect(screen.queryByRole('table', { name: 'Their version and yours' })).toBeNull();
    expect(server.state.detail.config.agent_settings.agent_name).toBe('Benefits Navigator Pro');
    expect(server.state.detail.stagingRevision).toBe(5);
  });

  it('with the server out of reach, says the save failed after one look at staging, without retries or refreshes first', async () => {
    const server = fakeStaging();
    const user = userEvent.setup({ delay: null });
    renderSettings({ retryLikeApp: true });
    await user.type(nameField(), ' Pro');
    server.state.down = true;
    const before = server.calls.length;
    await user.click(saveButton());
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Your changes were not saved')).toBeTruthy();
    // Staging's reads only: the name typed is looked up in the project's list too, once it rests.
    const reads = server.calls
      .slice(before)
      .filter((c) => c.method === 'GET' && c.path.startsWith(`/api/v2/agents/${AGENT_ID}`));
    expect(reads.map((c) => c.path)).toEqual([`/api/v2/agents/${AGENT_ID}`]);
    // The bar, which stays in view, says so too (the reason is at the section's foot).
    expect(screen.getByText('Not saved: see why above.')).toBeTruthy();
    expect((nameField() as HTMLInputElement).value).toBe('Benefits Navigator Pro');
    // Back up: the save goes through.
    server.state.down = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Saved to staging.')).toBeTruthy();
  });

  it('a save still under way when someone else signs in on the tab writes nothing back for them', async () => {
    draftStore.claimFor('priya@example.com');
    const server = fakeStaging();
    const user = userEvent.setup({ delay: null });
    renderSettings();
    const { release } = holdNextAnswer(server);
    server.state.failNext = failure(500, 'INTERNAL_ERROR', 'Database unavailable');
    await user.type(nameField(), ' Pro');
    await user.click(saveButton());
    await waitFor(() => expect(server.edits()).toHaveLength(1));
    draftStore.claimFor('sam@example.com');
    release();
    await waitFor(() => expect(server.state.failNext).toBeNull());
    await new Promise((r) => setTimeout(r, 100));
    expect(draftStore.get(AGENT_ID, 'settings')).toBeNull();
    expect(JSON.stringify(sessionStorage)).not.toContain('Benefits Navigator Pro');
  });

  it('after a save, gives the status line the focus the disabled Save button dropped, without scrolling the page', async () => {
    const server = fakeStaging();
    const user = userEvent.setup({ delay: null });
    renderSettings();
    const { release } = holdNextAnswer(server);
    await user.type(nameField(), ' Pro');
    await user.click(saveButton());
    // A browser drops the focus of a button that is disabled (as Save is while the save runs),
    // to the page's body; happy-dom keeps it there. The focus is dropped as it would be.
    const dropped = document.body.appendChild(document.createElement('button'));
    dropped.focus();
    dropped.remove();
    const focus = vi.spyOn(HTMLElement.prototype, 'focus');
    const intoView = vi.spyOn(Element.prototype, 'scrollIntoView');
    const pageScroll = vi.spyOn(window, 'scrollTo');
    release();
    const status = (await screen.findByText('Saved to staging.')).closest<HTMLElement>('[role="status"]');
    await waitFor(() => expect(document.activeElement).toBe(status));
    // The bar is stuck to the foot of the window: scrolled "into view", the page would jump to
    // where the bar sits in the form, far below.
    expect(focus.mock.contexts.map((el, i) => [el, focus.mock.calls[i]?.[0]])).toEqual([
      [status, { preventScroll: true }],
    ]);
    expect(intoView).not.toHaveBeenCalled();
    expect(pageScroll).not.toHaveBeenCalled();
    vi.restoreAllMocks();
  });

  it('keeps what was typed while a save was under way, as a new draft', async () => {
    const server = fakeStaging();
    const user = userEvent.setup({ delay: null });
    renderSettings();
    const { release } = holdNextAnswer(server);
    await user.type(nameField(), ' Pro');
    await user.click(saveButton());
    await user.type(nameField(), ' Max');
    release();
    await waitFor(() =>
      expect(server.state.detail.config.agent_settings.agent_name).toBe('Benefits Navigator Pro'),
    );
    await waitFor(() => expect((nameField() as HTMLInputElement).value).toBe('Benefits Navigator Pro Max'));
    expect(await screen.findByText('You have unsaved changes.')).toBeTruthy();
    await user.click(saveButton());
    await screen.findByText('Saved to staging.');
    expect(server.state.detail.config.agent_settings.agent_name).toBe('Benefits Navigator Pro Max');
    expect(server.edits().map((c) => c.ifMatch)).toEqual(['"4"', '"5"']);
  });

  it('shows the server’s 422 at the field', async () => {
    const server = fakeStaging();
    const user = userEvent.setup({ delay: null });
    renderSettings();
    await user.type(nameField(), ' Pro');
    server.state.failNext = failure(422, 'VALIDATION_ERROR', 'Some fields are not valid', [
      { field: 'agent_name', message: 'An agent with this name already exists' },
    ]);
    await user.click(saveButton());
    expect(await screen.findByText('An agent with this name already exists')).toBeTruthy();
    expect((nameField() as HTMLInputElement).value).toBe('Benefits Navigator Pro');
  });

  it('shows a 403 inline, keeping the text', async () => {
    const server = fakeStaging();
    const user = userEvent.setup({ delay: null });
    renderSettings();
    await user.type(nameField(), ' Pro');
    server.state.failNext = failure(403, 'FORBIDDEN', 'You may not edit this agent');
    await user.click(saveButton());
    expect(await screen.findByText('You are not allowed to change this')).toBeTruthy();
    expect(screen.getByText('You may not edit this agent')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });
});

describe('when someone else saved first (412)', () => {
  it('after a save, meets someone else’s later save as a conflict, and keeps mine over their revision', async () => {
    const server = fakeStaging();
    const user = userEvent.setup({ delay: null });
    renderSettings();
    await user.type(nameField(), ' Pro');
    await user.click(saveButton());
    expect(await screen.findByText('Saved to staging.')).toBeTruthy();
    await user.type(nameField(), ' (mine)');
    server.someoneElseEdits((c) => ({
      ...c,
      agent_settings: { ...c.agent_settings, agent_name: 'Their name' },
    }));
    await user.click(saveButton());
    const panel = await screen.findByRole('alert');
    expect(within(panel).getByText('Their name')).toBeTruthy();
    await user.click(within(panel).getByRole('button', { name: 'Keep mine and save' }));
    expect(await screen.findByText('Saved to staging.')).toBeTruthy();
    expect(server.edits().map((c) => c.ifMatch)).toEqual(['"4"', '"5"', '"6"']);
    expect(server.state.detail.config.agent_settings.agent_name).toBe('Benefits Navigator Pro (mine)');
  });

  it('shows who, their value beside mine, and keeps both until I choose mine', async () => {
    const server = fakeStaging();
    const user = userEvent.setup({ delay: null });
    renderSettings();
    await user.type(nameField(), ' (mine)');
    server.someoneElseEdits((c) => ({
      ...c,
      agent_settings: { ...c.agent_settings, agent_name: 'Their name' },
    }));
    await user.click(saveButton());

    const panel = await screen.findByRole('alert');
    expect(within(panel).getByText('editor2@example.com')).toBeTruthy();
    const table = within(panel).getByRole('table', { name: 'Their version and yours' });
    expect(within(table).getByText('Their name')).toBeTruthy();
    expect(within(table).getByText('Benefits Navigator (mine)')).toBeTruthy();
    expect((nameField() as HTMLInputElement).value).toBe('Benefits Navigator (mine)');
    expect(saveButton()).toHaveProperty('disabled', true);

    await user.click(within(panel).getByRole('button', { name: 'Keep mine and save' }));
    expect(await screen.findByText('Saved to staging.')).toBeTruthy();
    const puts = server.edits();
    expect(puts.map((c) => c.ifMatch)).toEqual(['"4"', '"5"']);
    expect(server.state.detail.config.agent_settings.agent_name).toBe('Benefits Navigator (mine)');
  });

  it('shows at the field why “Keep mine” was refused, though the form was drawn anew for it', async () => {
    const server = fakeStaging();
    const user = userEvent.setup({ delay: null });
    renderSettings();
    await user.type(nameField(), ' (mine)');
    server.someoneElseEdits((c) => ({
      ...c,
      agent_settings: { ...c.agent_settings, agent_name: 'Their name' },
    }));
    await user.click(saveButton());
    const panel = await screen.findByRole('alert');
    server.state.failNext = failure(422, 'VALIDATION_ERROR', 'Some fields are not valid', [
      { field: 'agent_name', message: 'An agent with this name already exists' },
    ]);
    await user.click(within(panel).getByRole('button', { name: 'Keep mine and save' }));
    expect(await screen.findByText('An agent with this name already exists')).toBeTruthy();
    expect(nameField().getAttribute('aria-invalid')).toBe('true');
    expect((nameField() as HTMLInputElement).value).toBe('Benefits Navigator (mine)');
    // Shown once: changing the name takes the message away.
    await user.type(nameField(), '!');
    await waitFor(() => expect(screen.queryByText('An agent with this name already exists')).toBeNull());
  });

  it('names a revert as a revert, with the version staging went back to', async () => {
    const server = fakeStaging();
    const user = userEvent.setup({ delay: null });
    renderSettings();
    await user.type(nameField(), ' (mine)');
    server.someoneElseEdits(
      (c) => ({ ...c, agent_settings: { ...c.agent_settings, agent_name: 'Benefits Navigator v3' } }),
      'admin@example.com',
    );
    const on = server.state.detail.modifiedOn;
    server.state.detail = {
      ...server.state.detail,
      rolledBackTo: { changeTrackId: 903, version: 3, by: 'admin@example.com', on },
    };
    await user.click(saveButton());
    const panel = await screen.findByRole('alert');
    await waitFor(() =>
      expect(panel.textContent).toMatch(/^Someone else.*admin@example\.com reverted staging to version 3 /),
    );
    expect(within(panel).getByText('Benefits Navigator v3')).toBeTruthy();
  });

  it('does not call a later edit a revert when staging was reverted before it, by the same person', async () => {
    const server = fakeStaging();
    const user = userEvent.setup({ delay: null });
    renderSettings();
    await user.type(nameField(), ' (mine)');
    server.state.detail = {
      ...server.state.detail,
      rolledBackTo: { changeTrackId: 903, version: 3, by: 'admin@example.com', on: '2026-11-28T10:00:00Z' },
    };
    server.someoneElseEdits(
      (c) => ({ ...c, agent_settings: { ...c.agent_settings, agent_name: 'Their name' } }),
      'admin@example.com',
    );
    await user.click(saveButton());
    const panel = await screen.findByRole('alert');
    expect(within(panel).getByText('Their name')).toBeTruthy();
    expect(panel.textContent).toContain('admin@example.com saved staging');
    expect(panel.textContent).not.toContain('reverted');
  });

  it('saves without asking when they changed another section, over the revision staging is at', async () => {
    const server = fakeStaging();
    const user = userEvent.setup({ delay: null });
    renderSettings();
    await user.type(nameField(), ' Pro');
    server.someoneElseEdits((c) => ({
      ...c,
      guardrails: c.guardrails.map((g, i) => (i === 0 ? { ...g, enabled: !g.enabled } : g)),
    }));
    const theirGuardrails = server.state.detail.config.guardrails;
    await user.click(saveButton());

    expect(await screen.findByText('Saved to staging.')).toBeTruthy();
    expect(screen.queryByRole('table', { name: 'Their version and yours' })).toBeNull();
    expect(server.edits().map((c) => c.ifMatch)).toEqual(['"4"', '"5"']);
    expect(server.state.detail.config.agent_settings.agent_name).toBe('Benefits Navigator Pro');
    expect(server.state.detail.config.guardrails).toEqual(theirGuardrails);
  });

  it('takes theirs: the form shows staging as they left it and nothing is sent', async () => {
    const server = fakeStaging();
    const user = userEvent.setup({ delay: null });
    renderSettings();
    await user.type(nameField(), ' (mine)');
    server.someoneElseEdits((c) => ({
      ...c,
      agent_settings: { ...c.agent_settings, agent_name: 'Their name' },
    }));
    await user.click(saveButton());
    await user.click(await screen.findByRole('button', { name: 'Take theirs' }));
    await waitFor(() => expect((nameField() as HTMLInputElement).value).toBe('Their name'));
    expect(server.edits()).toHaveLength(1);
    expect(screen.getByText('No unsaved changes.')).toBeTruthy();
  });

  it('puts the focus on the first field, drawn anew, when “Take theirs” goes with its panel', async () => {
    const server = fakeStaging();
    const user = userEvent.setup({ delay: null });
    renderSettings();
    await user.type(nameField(), ' (mine)');
    server.someoneElseEdits((c) => ({
      ...c,
      agent_settings: { ...c.agent_settings, agent_name: 'Their name' },
    }));
    await user.click(saveButton());
    (await screen.findByRole('button', { name: 'Take theirs' })).focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect((nameField() as HTMLInputElement).value).toBe('Their name'));
    await waitFor(() => expect(document.activeElement).toBe(nameField()));
  });

  it('keeps their change to a field I did not touch when I keep mine', async () => {
    const server = fakeStaging();
    const user = userEvent.setup({ delay: null });
    renderSettings();
    await user.type(nameField(), ' (mine)');
    server.someoneElseEdits((c) => ({
      ...c,
      agent_settings: { ...c.agent_settings, domain: 'Their description' },
    }));
    await user.click(saveButton());
    const panel = await screen.findByRole('alert');
    expect(within(panel).getByText(/They also changed Description/)).toBeTruthy();
    await user.click(within(panel).getByRole('button', { name: 'Keep mine and save' }));
    await screen.findByText('Saved to staging.');
    expect(server.state.detail.config.agent_settings).toMatchObject({
      agent_name: 'Benefits Navigator (mine)',
      domain: 'Their description',
    });
  });
});

describe('when staging changes under a draft', () => {
  it('says so as soon as the page learns of it, keeping the draft', async () => {
    const server = fakeStaging();
    const user = userEvent.setup({ delay: null });
    const { queryClient } = renderSettings();
    await user.type(nameField(), ' (mine)');
    server.someoneElseEdits((c) => ({
      ...c,
      agent_settings: { ...c.agent_settings, agent_name: 'Their name' },
    }));
    await queryClient.invalidateQueries();
    expect(await screen.findByText('Staging changed while you were editing')).toBeTruthy();
    expect((nameField() as HTMLInputElement).value).toBe('Benefits Navigator (mine)');
  });

  it('moves a clean form to what staging holds now', async () => {
    const server = fakeStaging();
    const { queryClient } = renderSettings();
    server.someoneElseEdits((c) => ({
      ...c,
      agent_settings: { ...c.agent_settings, agent_name: 'Their name' },
    }));
    await queryClient.invalidateQueries();
    await waitFor(() => expect((nameField() as HTMLInputElement).value).toBe('Their name'));
    expect(screen.queryByText('Staging changed while you were editing')).toBeNull();
  });
});

describe('a viewer', () => {
  it('sees the settings read-only with the reason', () => {
    fakeStaging(undefined, ['view']);
    renderSettings({ permissions: ['view'] });
    expect(screen.getByText('View only')).toBeTruthy();
    // A standing note, not an alert: nothing went wrong.
    expect(screen.getByRole('note', { name: 'View only' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(nameField()).toHaveProperty('readOnly', true);
    expect(saveButton()).toHaveProperty('disabled', true);
    expect(screen.getByRole('switch', { name: /Caching/ })).toHaveProperty('disabled', true);
  });

  it('hears each locked control by its own name and state, with the reason as its description', async () => {
    fakeStaging(undefined, ['view']);
    renderSettings({ permissions: ['view'] });
    const described = (element: HTMLElement) =>
      (element.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ');
    const caching = screen.getByRole('switch', { name: /Caching/ });
    expect(caching).toHaveProperty('disabled', true);
    await waitFor(() => expect(described(caching)).toContain('editing staging needs the edit permission'));
    expect(described(nameField())).toContain('editing staging needs the edit permission');
    // Nothing stands in front of a control named only by the reason.
    expect(screen.queryAllByLabelText(/editing staging needs the edit permission/)).toEqual([]);
  });
});
