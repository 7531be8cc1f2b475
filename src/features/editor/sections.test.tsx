// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Suspense } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { agentQueries } from '@/api/agents/queries';
import { AgentEditor } from './agent-editor';
import { AGENT_ID, detailFixture, failure, fakeStaging, renderEditor, resetDrafts } from './editor-test-kit';
import { configFixture } from './model/config-fixture';

const open = (section: string) =>
  renderEditor(
    <Suspense fallback={<p>Loading</p>}>
      <AgentEditor agentId={AGENT_ID} />
    </Suspense>,
    { path: `/agents/7/edit?section=${section}` },
  );

// The whole Edit tab renders under happy-dom; on a busy shared machine that takes seconds.
vi.setConfig({ testTimeout: 45_000 });

beforeEach(resetDrafts);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const user = () => userEvent.setup({ delay: null });
const saved = () => screen.findByText('Saved to staging.');

/** Opens the configuration of Microsoft 365's “Send email” action and puts `text` in it. */
async function typeSendEmailConfig(u: ReturnType<typeof user>, text: string) {
  await u.click(screen.getByRole('button', { name: 'Edit configuration of “Send email”' }));
  const config = await screen.findByRole('textbox', { name: 'Configuration of “Send email”' });
  await u.clear(config);
  await u.paste(text);
  return config;
}

describe('access and tags', () => {
  it('sends the access level and the tags added and removed, each to its endpoint', async () => {
    const server = fakeStaging();
    const u = user();
    open('access');
    await u.click(screen.getByRole('radio', { name: 'Only me' }));
    const tags = screen.getByRole('combobox', { name: 'Tags' });
    await u.type(tags, 'open-enrolment{Enter}');
    await u.click(screen.getByRole('button', { name: 'Remove tag “benefits”' }));
    expect(screen.getByText(/Saving adds “open-enrolment” and removes “benefits”/)).toBeTruthy();
    await u.click(screen.getByRole('button', { name: 'Save access and tags' }));
    await saved();
    expect(server.edits().map((c) => [c.method, c.path, c.body])).toEqual([
      ['PUT', '/api/v2/agents/7/access', { access: 'Only me' }],
      ['POST', '/api/v2/agents/7/annotates', { add: ['open-enrolment'], remove: ['benefits'] }],
    ]);
    // The second edit goes over the revision the first one returned.
    expect(server.edits().map((c) => c.ifMatch)).toEqual(['"4"', '"5"']);
  });

  it('says a tag is too long as soon as it is added, keeps it as typed, and sends nothing', async () => {
    const server = fakeStaging();
    const u = user();
    open('access');
    const long = 'x'.repeat(60);
    await u.type(screen.getByRole('combobox', { name: 'Tags' }), `${long}{Enter}`);
    expect(await screen.findByText(/A tag is at most 50 characters: “x{23}…” has 60/)).toBeTruthy();
    expect(screen.getByRole('button', { name: `Remove tag “${long}”` })).toBeTruthy();
    await u.click(screen.getByRole('button', { name: 'Save access and tags' }));
    expect(await screen.findByText('Fix the highlighted fields to save.')).toBeTruthy();
    expect(server.edits()).toEqual([]);
  });

  it('says a tag is already there, in any case or spacing, keeps what was typed, and adds it once', async () => {
    const server = fakeStaging();
    const u = user();
    open('access');
    const tags = screen.getByRole<HTMLInputElement>('combobox', { name: 'Tags' });
    // Said at the field (its description), and read out by a screen reader (a status).
    const atField = () =>
      (tags.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ');
    const readOut = () => screen.getAllByRole('status').map((s) => s.textContent);
    await u.type(tags, 'Travel{Enter}');
    await u.type(tags, 'travel{Enter}');
    await waitFor(() => expect(atField()).toContain('“Travel” is already a tag'));
    expect(readOut()).toContain('“Travel” is already a tag');
    expect(tags.value).toBe('travel');
    // Changing the text takes the message away.
    await u.clear(tags);
    expect(atField()).not.toContain('already a tag');
    expect(readOut()).not.toContain('“Travel” is already a tag');
    await u.type(tags, 'open  enrolment{Enter}');
    // A comma, or leaving the field, does not add it either.
    await u.type(tags, 'Open Enrolment,');
    await waitFor(() => expect(atField()).toContain('“open enrolment” is already a tag'));
    expect(tags.value).toBe('Open Enrolment');
    await u.tab();
    expect(tags.value).toBe('Open Enrolment');
    expect(atField()).toContain('“open enrolment” is already a tag');
    await u.click(screen.getByRole('button', { name: 'Save access and tags' }));
    await saved();
    expect(server.edits().map((c) => c.body)).toEqual([{ add: ['Travel', 'open enrolment'], remove: [] }]);
  });

  it('says why a tag is not added when the agent has every tag it may, keeping what was typed', async () => {
    const config = configFixture();
    const fifty = Array.from({ length: 50 }, (_, i) => `tag-${i}`);
    const detail = detailFixture(
      {},
      { ...config, agent_settings: { ...config.agent_settings, tags: fifty } },
    );
    const server = fakeStaging(detail);
    const u = user();
    renderEditor(
      <Suspense fallback={<p>Loading</p>}>
        <AgentEditor agentId={AGENT_ID} />
      </Suspense>,
      { path: '/agents/7/edit?section=access', detail },
    );
    const tags = await screen.findByRole<HTMLInputElement>('combobox', { name: 'Tags' });
    await u.type(tags, 'one more{Enter}');
    const message = 'An agent has at most 50 tags: remove one to add “one more”';
    await waitFor(() => expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain(message));
    expect(tags.value).toBe('one more');
    // A tag removed makes room: the message goes, and Enter adds it.
    await u.click(screen.getByRole('button', { name: 'Remove tag “tag-0”' }));
    expect(screen.queryByText(message)).toBeNull();
    await u.type(tags, '{Enter}');
    await u.click(screen.getByRole('button', { name: 'Save access and tags' }));
    await saved();
    expect(server.edits().map((c) => c.body)).toEqual([{ add: ['one more'], remove: ['tag-0'] }]);
  });

  it('clears a tag of spaces only, on leaving the field or on Enter, and adds nothing', async () => {
    const server = fakeStaging();
    const u = user();
    open('access');
    const tags = screen.getByRole<HTMLInputElement>('combobox', { name: 'Tags' });
    const chips = () => screen.getAllByRole('button', { name: /^Remove tag/ }).length;
    const before = chips();
    await u.type(tags, '   ');
    await u.tab();
    expect(tags.value).toBe('');
    expect(chips()).toBe(before);
    await u.type(tags, '  {Enter}');
    expect(tags.value).toBe('');
    expect(chips()).toBe(before);
    // Nothing to fix, nothing saved, nothing to save.
    expect(screen.queryByText(/cannot be empty/)).toBeNull();
    expect(screen.getByText('No unsaved changes.')).toBeTruthy();
    expect(server.edits()).toEqual([]);
  });

  it('names a tag’s remove button as its chip shows it, trimmed with spaces made one', async () => {
    const server = fakeStaging();
    const u = user();
    open('access');
    await u.type(screen.getByRole('combobox', { name: 'Tags' }), '  spaced    tag  {Enter}');
    // Accessible names are compared with spaces collapsed: the label itself is checked.
    const remove = screen.getByRole('button', { name: 'Remove tag “spaced tag”' });
    expect(remove.getAttribute('aria-label')).toBe('Remove tag “spaced tag”');
    expect(screen.getByText(/Saving adds “spaced tag”/)).toBeTruthy();
    await u.click(screen.getByRole('button', { name: 'Save access and tags' }));
    await saved();
    expect(server.edits().map((c) => c.body)).toEqual([{ add: ['spaced tag'], remove: [] }]);
  });

  it('marks a tag too long on its own chip and leaves it out of what saving adds', async () => {
    fakeStaging();
    const u = user();
    open('access');
    const tags = screen.getByRole('combobox', { name: 'Tags' });
    const long = 'x'.repeat(60);
    await u.type(tags, `${long}{Enter}`);
    await u.type(tags, 'open-enrolment{Enter}');
    const remove = screen.getByRole('button', { name: `Remove tag “${long}”` });
    expect(remove.getAttribute('aria-describedby')).toBeTruthy();
    const why = document.getElementById(remove.getAttribute('aria-describedby')!)!;
    expect(why.textContent).toBe(' (Too long: 60 characters, a tag is at most 50)');
    // Said to screen readers; the chip's colour and its title show it.
    expect(why.className).toContain('mantine-VisuallyHidden-root');
    const fine = screen.getByRole('button', { name: 'Remove tag “open-enrolment”' });
    expect(fine.getAttribute('aria-describedby')).toBeNull();
    expect(screen.getByText(/^Saving adds/).textContent).toBe('Saving adds “open-enrolment”.');
  });
});

describe('instructions', () => {
  it('adds, edits, reorders and deletes, then saves it all', async () => {
    const server = fakeStaging();
    const u = user();
    open('instructions');
    await u.click(screen.getByRole('button', { name: 'Move instruction 2 up' }));
    await u.click(screen.getByRole('button', { name: 'Add instruction' }));
    await u.click(screen.getByRole('textbox', { name: 'Instruction 3' }));
    await u.paste('Answer in the language of the question.');
    await u.type(screen.getByRole('textbox', { name: 'Instruction 1' }), ' Always.');
    await u.click(screen.getByRole('button', { name: 'Save instructions' }));
    await saved();
    expect(server.state.detail.config.instructions.map((i) => i.instruction)).toEqual([
      'Never choose a plan for someone. Always.',
      'Cite the plan year.',
      'Answer in the language of the question.',
    ]);
    expect(server.edits().map((c) => `${c.method} ${c.path}`)).toEqual([
      'POST /api/v2/agents/7/instructions',
      'PUT /api/v2/agents/7/instructions',
    ]);
  });

  it.each([
    [
      'at the end (staging holds the save)',
      false,
      ['Cite the plan year.', 'Never choose a plan for someone.', 'Answer in the language of the question.'],
      ['POST /api/v2/agents/7/instructions'],
    ],
    [
      'mid-list (the save carries on from staging)',
      true,
      ['Cite the plan year.', 'Answer in the language of the question.', 'Never choose a plan for someone.'],
      ['POST /api/v2/agents/7/instructions', 'PUT /api/v2/agents/7/instructions'],
    ],
  ])(
    'when the answer to a save adding an instruction %s is lost, says saved and adds it once',
    async (_, moveUp, instructions, edits) => {
      const server = fakeStaging();
      const u = user();
      open('instructions');
      await u.click(screen.getByRole('button', { name: 'Add instruction' }));
      await u.click(screen.getByRole('textbox', { name: 'Instruction 3' }));
      await u.paste('Answer in the language of the question.');
      if (moveUp) await u.click(screen.getByRole('button', { name: 'Move instruction 3 up' }));
      server.state.loseNextAnswer = true;
      await u.click(screen.getByRole('button', { name: 'Save instructions' }));
      await saved();
      expect(screen.queryByRole('alert')).toBeNull();
      expect(server.state.detail.config.instructions.map((i) => i.instruction)).toEqual(instructions);
      expect(server.edits().map((c) => `${c.method} ${c.path}`)).toEqual(edits);
    },
  );

  it('edits a just-created instruction by its new id, after the save that created it', async () => {
    const server = fakeStaging();
    const u = user();
    open('instructions');
    await u.click(screen.getByRole('button', { name: 'Add instruction' }));
    await u.click(screen.getByRole('textbox', { name: 'Instruction 3' }));
    await u.paste('Answer in the language of the question.');
    await u.click(screen.getByRole('button', { name: 'Save instructions' }));
    await saved();
    const created = server.state.detail.config.instructions[2]!;
    await u.type(screen.getByRole('textbox', { name: 'Instruction 3' }), ' Always.');
    await u.click(screen.getByRole('button', { name: 'Save instructions' }));
    await saved();
    // Edited in place: not deleted and created again under another id.
    expect(server.state.detail.config.instructions[2]).toEqual({
      id: created.id,
      instruction: 'Answer in the language of the question. Always.',
    });
    expect(server.edits().map((c) => c.method)).toEqual(['POST', 'PUT']);
  });

  it.each([
    [
      'deletes',
      (u: ReturnType<typeof user>) => u.click(screen.getByRole('button', { name: 'Delete instruction 1' })),
    ],
    [
      'adds',
      async (u: ReturnType<typeof user>) => {
        await u.click(screen.getByRole('button', { name: 'Add instruction' }));
        await u.click(screen.getByRole('textbox', { name: 'Instruction 3' }));
        await u.paste('A third one.');
      },
    ],
    [
      'moves',
      (u: ReturnType<typeof user>) => u.click(screen.getByRole('button', { name: 'Move instruction 2 up' })),
    ],
  ])('after a save that edits an instruction, %s over the new revision', async (_, second) => {
    const server = fakeStaging();
    const u = user();
    open('instructions');
    await u.type(screen.getByRole('textbox', { name: 'Instruction 1' }), ' Always.');
    await u.click(screen.getByRole('button', { name: 'Save instructions' }));
    await saved();
    await second(u);
    await u.click(screen.getByRole('button', { name: 'Save instructions' }));
    await saved();
    expect(screen.queryByText(/changed this section while you were editing/)).toBeNull();
    expect(server.edits().map((c) => c.ifMatch)).toEqual(['"4"', '"5"']);
  });

  it('on a phone, puts an instruction’s number and buttons above its field, which takes the row', async () => {
    fakeStaging();
    open('instructions');
    const field = await screen.findByRole('textbox', { name: 'Instruction 1' });
    const item = field.closest('li')!;
    const cell = (name: string) => item.querySelector(`[class*="${name}"]`);
    expect(cell('instructionRow')?.contains(field)).toBe(true);
    expect(cell('instructionField')?.contains(field)).toBe(true);
    expect(
      cell('instructionButtons')?.contains(
        within(item).getByRole('button', { name: 'Delete instruction 1' }),
      ),
    ).toBe(true);
    // Beside the number and three buttons, a phone left the field a third of its width.
    const css = readFileSync(join(process.cwd(), 'src/features/editor/editor.module.css'), 'utf8');
    const phone = css.slice(css.lastIndexOf('@media (max-width: 48em)'));
    expect(phone).toMatch(/\.instructionRow \{[^}]*'number \. buttons'\s*'field field field'/);
  });

  it('refuses an empty instruction at its field', async () => {
    const server = fakeStaging();
    const u = user();
    open('instructions');
    await u.click(screen.getByRole('button', { name: 'Add instruction' }));
    await u.click(screen.getByRole('button', { name: 'Save instructions' }));
    expect(await screen.findByText('An instruction cannot be empty')).toBeTruthy();
    expect(server.edits()).toEqual([]);
  });

  it('keeps the focus on a moved instruction: on the same button, or the other one at the end of the list', async () => {
    fakeStaging();
    const u = user();
    open('instructions');
    const focused = () => document.activeElement?.getAttribute('aria-label');
    // Now first, "up" is off: the focus goes to the same instruction's "down".
    await u.click(screen.getByRole('button', { name: 'Move instruction 2 up' }));
    await waitFor(() => expect(focused()).toBe('Move instruction 1 down'));
    expect(screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Instruction 1' }).value).toBe(
      'Never choose a plan for someone.',
    );
    // Now last, "down" is off: back on its "up".
    await u.keyboard('{Enter}');
    await waitFor(() => expect(focused()).toBe('Move instruction 2 up'));
    expect(screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Instruction 2' }).value).toBe(
      'Never choose a plan for someone.',
    );
    // Mid-list, the button pressed is still on: the focus stays on it, with the instruction.
    await u.click(screen.getByRole('button', { name: 'Add instruction' }));
    await u.paste('A third one.');
    await u.click(screen.getByRole('button', { name: 'Move instruction 3 up' }));
    await waitFor(() => expect(focused()).toBe('Move instruction 2 up'));
    expect(screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Instruction 2' }).value).toBe(
      'A third one.',
    );
  });

  it('brings back a deleted instruction with Undo, as typed and where it was', async () => {
    const server = fakeStaging();
    const u = user();
    open('instructions');
    const field = (n: number) =>
      screen.getByRole<HTMLTextAreaElement>('textbox', { name: `Instruction ${n}` });
    await u.type(field(1), ' Typed, then deleted by a slip.');
    const typed = field(1).value;
    await u.click(screen.getByRole('button', { name: 'Delete instruction 1' }));
    expect(screen.queryByDisplayValue(typed)).toBeNull();
    // Said, and read out: the status is in the page before it says it.
    const said = screen.getAllByText('Instruction 1 deleted.');
    expect(said.some((e) => e.getAttribute('role') === 'status')).toBe(true);
    await u.click(screen.getByRole('button', { name: 'Undo deleting instruction 1' }));
    expect(field(1).value).toBe(typed);
    await waitFor(() => expect(document.activeElement).toBe(field(1)));
    expect(screen.queryByText('Instruction 1 deleted.')).toBeNull();
    await u.click(screen.getByRole('button', { name: 'Save instructions' }));
    await saved();
    expect(server.edits().map((c) => c.method)).toEqual(['PUT']);
    expect(server.state.detail.config.instructions[0]?.instruction).toBe(typed);
  });

  it('offers no Undo for a deletion once a save has made it', async () => {
    fakeStaging();
    const u = user();
    open('instructions');
    await u.click(screen.getByRole('button', { name: 'Delete instruction 1' }));
    expect(screen.getByRole('button', { name: 'Undo deleting instruction 1' })).toBeTruthy();
    await u.click(screen.getByRole('button', { name: 'Save instructions' }));
    await saved();
    expect(screen.queryByRole('button', { name: 'Undo deleting instruction 1' })).toBeNull();
  });

  it('offers no Undo once the person may no longer edit (their role changed meanwhile)', async () => {
    fakeStaging();
    const u = user();
    const { queryClient } = open('instructions');
    await u.click(screen.getByRole('button', { name: 'Delete instruction 1' }));
    expect(screen.getByRole('button', { name: 'Undo deleting instruction 1' })).toBeTruthy();
    act(() => {
      queryClient.setQueryData(agentQueries.permissions(AGENT_ID).queryKey, ['view']);
    });
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Undo deleting instruction 1' })).toBeNull(),
    );
  });

  it('says how many will be deleted', async () => {
    fakeStaging();
    const u = user();
    open('instructions');
    await u.click(screen.getByRole('button', { name: 'Delete instruction 1' }));
    expect(screen.getByText('1 instruction will be deleted when you save.')).toBeTruthy();
  });
});

describe('knowledge sources', () => {
  it('connects several from the searchable picker and makes one the default', async () => {
    const server = fakeStaging();
    const u = user();
    open('knowledge');
    await u.click(screen.getByRole('button', { name: 'Connect knowledge sources' }));
    const dialog = await screen.findByRole('dialog', { name: 'Connect knowledge sources' });
    expect(within(dialog).getByText('Travel policy')).toBeTruthy();
    expect(within(dialog).queryByText('Benefits guide')).toBeNull();
    await u.type(within(dialog).getByRole('textbox', { name: 'Search knowledge sources' }), 'ing');
    await waitFor(() => expect(within(dialog).queryByText('Travel policy')).toBeNull());
    await u.click(within(dialog).getByText('Compliance training'));
    await u.click(within(dialog).getByText('New hire onboarding'));
    await u.click(within(dialog).getByRole('button', { name: 'Connect 2 knowledge sources' }));
    await u.click(screen.getByRole('radio', { name: 'Make “Compliance training” the default' }));
    await u.click(screen.getByRole('button', { name: 'Save knowledge sources' }));
    await saved();
    expect(server.edits().map((c) => [c.method, c.path, c.body])).toEqual([
      ['POST', '/api/v2/agents/7/corpora', { corpus_ids: [3, 4] }],
      ['PUT', '/api/v2/agents/7/corpora/3', { is_default: true }],
    ]);
  });

  it('disconnects the selected ones in one request', async () => {
    const server = fakeStaging();
    const u = user();
    open('knowledge');
    await u.click(screen.getByRole('checkbox', { name: 'Select all knowledge sources' }));
    const disconnect = screen.getByRole('button', { name: 'Disconnect 2 selected' });
    // Tinted red in both schemes (a subtle button's text is near white in the dark one).
    expect(disconnect.getAttribute('data-variant')).toBe('light');
    await u.click(disconnect);
    expect(screen.getAllByText('Will be disconnected')).toHaveLength(2);
    const firstUndo = screen.getByRole('button', { name: 'Undo disconnecting “Benefits guide”' });
    await waitFor(() => expect(document.activeElement).toBe(firstUndo));
    expect(screen.getByText('0 connected')).toBeTruthy();
    await u.click(screen.getByRole('button', { name: 'Save knowledge sources' }));
    await saved();
    expect(server.edits().map((c) => [c.method, c.body])).toEqual([['DELETE', { corpus_ids: [1, 2] }]]);
  });
  it('after a save that connects two, disconnects one over the new revision', async () => {
    const server = fakeStaging();
    const u = user();
    open('knowledge');
    await u.click(screen.getByRole('button', { name: 'Connect knowledge sources' }));
    const dialog = await screen.findByRole('dialog', { name: 'Connect knowledge sources' });
    await u.click(within(dialog).getByText('Compliance training'));
    await u.click(within(dialog).getByText('New hire onboarding'));
    await u.click(within(dialog).getByRole('button', { name: 'Connect 2 knowledge sources' }));
    await u.click(screen.getByRole('button', { name: 'Save knowledge sources' }));
    await saved();
    await u.click(screen.getByRole('button', { name: 'Disconnect “Compliance training”' }));
    await u.click(screen.getByRole('button', { name: 'Save knowledge sources' }));
    await saved();
    expect(server.edits().map((c) => [c.method, c.ifMatch, c.body])).toEqual([
      ['POST', '"4"', { corpus_ids: [3, 4] }],
      ['DELETE', '"5"', { corpus_ids: [3] }],
    ]);
    expect(server.state.detail.config.knowledge_sources.corpora.map((c) => c.corpus.id).sort()).toEqual([
      1, 2, 4,
    ]);
  });

  it('names Enabled and Default inside each source’s row, which a phone shows as a card', async () => {
    fakeStaging();
    open('knowledge');
    const table = await screen.findByRole('table', { name: 'Connected knowledge sources' });
    const row = within(table)
      .getAllByRole('row')
      .find((r) => within(r).queryByText('HR policies'))!;
    expect(within(row).getByRole('switch', { name: 'Enable “HR policies”' })).toBeTruthy();
    expect(within(row).getByText('Enabled').getAttribute('aria-hidden')).toBe('true');
    expect(within(row).getByText('Default').getAttribute('aria-hidden')).toBe('true');
    // The actions column's heading is for screen readers only.
    const actions = within(table).getByRole('columnheader', { name: 'Actions' });
    expect(within(actions).getByText('Actions').className).toContain('mantine-VisuallyHidden-root');
  });

  it('moves the focus to the row’s Undo on disconnecting, and back to Disconnect on undoing', async () => {
    fakeStaging();
    const u = user();
    open('knowledge');
    await u.click(screen.getByRole('button', { name: 'Disconnect “HR policies”' }));
    const undo = screen.getByRole('button', { name: 'Undo disconnecting “HR policies”' });
    await waitFor(() => expect(document.activeElement).toBe(undo));
    await u.keyboard('{Enter}');
    const disconnect = screen.getByRole('button', { name: 'Disconnect “HR policies”' });
    await waitFor(() => expect(document.activeElement).toBe(disconnect));
  });

  it('keeps a source to be disconnected readable, its Undo named by what it shows', async () => {
    fakeStaging();
    const u = user();
    open('knowledge');
    await u.click(screen.getByRole('button', { name: 'Disconnect “HR policies”' }));
    // A faded row took the badge's red under WCAG AA's contrast: only the name is dimmed.
    const badge = screen.getByText('Will be disconnected');
    expect(badge.closest<HTMLElement>('tr')?.style.opacity).toBe('');
    // Voice control users say what they see ("click Undo"): the name starts with it.
    const undo = screen.getByRole('button', { name: 'Undo disconnecting “HR policies”' });
    expect(undo.textContent).toBe('Undo');
  });

  it('says a refusal about the sources sent in the section’s words, not the wire’s', async () => {
    const server = fakeStaging();
    const u = user();
    open('knowledge');
    await u.click(screen.getByRole('button', { name: 'Connect knowledge sources' }));
    const dialog = await screen.findByRole('dialog', { name: 'Connect knowledge sources' });
    await u.click(within(dialog).getByText('Compliance training'));
    await u.click(within(dialog).getByRole('button', { name: 'Connect' }));
    server.state.failNext = failure(422, 'VALIDATION_ERROR', 'Some fields are not valid', [
      { field: 'corpus_ids', message: 'No knowledge source with id 3' },
    ]);
    await u.click(screen.getByRole('button', { name: 'Save knowledge sources' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Knowledge sources: No knowledge source with id 3')).toBeTruthy();
    expect(within(alert).queryByText(/corpus_ids/)).toBeNull();
    expect(screen.getByText('Compliance training')).toBeTruthy();
  });
});

describe('the SharePoint folder', () => {
  it('checks the address before sending, then connects the folder', async () => {
    const server = fakeStaging();
    const u = user();
    open('knowledge');
    await u.click(screen.getByRole('button', { name: 'Connect a folder' }));
    // How to connect is a note, not an alert: nothing went wrong.
    expect(screen.getByRole('note').textContent).toContain('Enter the folder’s address as it appears');
    expect(screen.queryByRole('alert')).toBeNull();
    const address = screen.getByRole('textbox', { name: /Folder address/ });
    await u.click(address);
    await u.paste('https://example.com/docs');
    await u.click(screen.getByRole('button', { name: 'Save SharePoint folder' }));
    expect(await screen.findByText('Use an https:// address on a *.sharepoint.com site')).toBeTruthy();
    expect(server.edits()).toEqual([]);
    await u.clear(address);
    await u.paste('https://contoso.sharepoint.com/sites/hr/Policies');
    await u.click(screen.getByRole('button', { name: 'Save SharePoint folder' }));
    await waitFor(() => expect(server.edits()).toHaveLength(1));
    expect(server.edits()[0]).toMatchObject({
      method: 'POST',
      path: '/api/v2/agents/7/sharepoint/folder',
      body: { folder_url: 'https://contoso.sharepoint.com/sites/hr/Policies', include_subfolders: true },
    });
  });
  it('after connecting a folder, changes it over the new revision', async () => {
    const server = fakeStaging();
    const u = user();
    open('knowledge');
    await u.click(screen.getByRole('button', { name: 'Connect a folder' }));
    await u.click(screen.getByRole('textbox', { name: /Folder address/ }));
    await u.paste('https://contoso.sharepoint.com/sites/hr/Policies');
    await u.click(screen.getByRole('button', { name: 'Save SharePoint folder' }));
    await saved();
    const address = screen.getByRole('textbox', { name: /Folder address/ });
    await u.clear(address);
    await u.paste('https://contoso.sharepoint.com/sites/hr/Archive');
    await u.click(screen.getByRole('button', { name: 'Save SharePoint folder' }));
    await waitFor(() => expect(server.edits()).toHaveLength(2));
    expect(server.edits().map((c) => [c.method, c.ifMatch])).toEqual([
      ['POST', '"4"'],
      ['PUT', '"5"'],
    ]);
  });

  it('moves the focus to the address on connecting, and back to Connect a folder on cancelling', async () => {
    fakeStaging();
    const u = user();
    open('knowledge');
    await u.click(screen.getByRole('button', { name: 'Connect a folder' }));
    const address = screen.getByRole('textbox', { name: /Folder address/ });
    await waitFor(() => expect(document.activeElement).toBe(address));
    await u.click(screen.getByRole('button', { name: 'Cancel connecting' }));
    const connect = screen.getByRole('button', { name: 'Connect a folder' });
    await waitFor(() => expect(document.activeElement).toBe(connect));
  });
});

describe('tools', () => {
  it('says what is wrong with invalid JSON at the field, and sends a valid configuration', async () => {
    const server = fakeStaging();
    const u = user();
    open('tools');
    const config = await typeSendEmailConfig(u, '{ "from": "benefits@example.com",  }');
    await u.click(screen.getByRole('button', { name: 'Save tools' }));
    expect(await screen.findByText(/^Not valid JSON at line 1, column \d+/)).toBeTruthy();
    expect(server.edits()).toEqual([]);
    await u.clear(config);
    await u.paste('{ "from": "benefits@example.com" }');
    await u.click(screen.getByRole('switch', { name: 'Enable tool “Jira”' }));
    await u.click(screen.getByRole('button', { name: 'Save tools' }));
    await saved();
    expect(server.edits().map((c) => [c.method, c.path, c.body])).toEqual([
      ['POST', '/api/v2/agents/7/tools/6/enable', undefined],
      ['PATCH', '/api/v2/agents/7/tools/5/actions/9', { config: { from: 'benefits@example.com' } }],
    ]);
  });
  it('saves the changed configuration of an action of a tool being switched off, then switches it off', async () => {
    const server = fakeStaging();
    const u = user();
    open('tools');
    await typeSendEmailConfig(u, '{ "from": "benefits@example.com" }');
    await u.click(screen.getByRole('switch', { name: 'Enable tool “Microsoft 365”' }));
    expect(
      screen.getByText(/Your changes to its actions below are saved before it is switched off\./),
    ).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Configuration of “Send email”' })).toBeTruthy();
    await u.click(screen.getByRole('button', { name: 'Save tools' }));
    await saved();
    expect(server.edits().map((c) => [c.method, c.path, c.body])).toEqual([
      ['PATCH', '/api/v2/agents/7/tools/5/actions/9', { config: { from: 'benefits@example.com' } }],
      ['DELETE', '/api/v2/agents/7/tools/5/disable', undefined],
    ]);
    expect(server.state.detail.config.tools[0]?.actions[0]?.config).toEqual({ from: 'benefits@example.com' });
  });

  it('after a save of an action’s configuration, switches the tool off over the new revision', async () => {
    const server = fakeStaging();
    const u = user();
    open('tools');
    await typeSendEmailConfig(u, '{ "from": "benefits@example.com" }');
    await u.click(screen.getByRole('button', { name: 'Save tools' }));
    await saved();
    await u.click(screen.getByRole('switch', { name: 'Enable tool “Microsoft 365”' }));
    await u.click(screen.getByRole('button', { name: 'Save tools' }));
    await saved();
    expect(server.edits().map((c) => [c.method, c.ifMatch])).toEqual([
      ['PATCH', '"4"'],
      ['DELETE', '"5"'],
    ]);
  });

  it('keeps an action’s configuration open across a save that draws the form anew', async () => {
    const server = fakeStaging();
    const u = user();
    open('tools');
    // Typed on one line: the server's answer comes back laid out, so the form is drawn anew.
    await typeSendEmailConfig(u, '{ "from": "benefits@example.com" }');
    await u.click(screen.getByRole('button', { name: 'Save tools' }));
    await saved();
    expect(server.edits()).toHaveLength(1);
    const toggle = screen.getByRole('button', { name: 'Hide configuration of “Send email”' });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(
      screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Configuration of “Send email”' }).value,
    ).toContain('benefits@example.com');
  });

  it('takes a configuration laid out anew for the same one: not marked edited, nothing sent', async () => {
    const server = fakeStaging();
    const u = user();
    open('tools');
    await typeSendEmailConfig(u, '{"from":   "hr@example.com"}');
    await u.click(screen.getByRole('switch', { name: 'Enable tool “Microsoft 365”' }));
    expect(screen.queryByText('Configuration edited')).toBeNull();
    expect(screen.queryByText(/Your changes to its actions below are saved/)).toBeNull();
    await u.click(screen.getByRole('button', { name: 'Save tools' }));
    await saved();
    expect(server.edits().map((c) => [c.method, c.path])).toEqual([
      ['DELETE', '/api/v2/agents/7/tools/5/disable'],
    ]);
  });

  it('has nothing unsaved for a configuration only laid out anew: Save stays off', async () => {
    fakeStaging();
    const u = user();
    open('tools');
    const config = await typeSendEmailConfig(u, '{"from":   "hr@example.com"}');
    await waitFor(() => expect(screen.getByText('No unsaved changes.')).toBeTruthy());
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Save tools' }).disabled).toBe(true);
    await u.type(config, ' ');
    await u.clear(config);
    await u.paste('{"from": "benefits@example.com"}');
    await waitFor(() => expect(screen.getByText('You have unsaved changes.')).toBeTruthy());
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Save tools' }).disabled).toBe(false);
  });

  it('keeps a configuration that a refused save opened, and the focus in it, once its JSON is fixed', async () => {
    fakeStaging();
    const u = user();
    open('tools');
    await typeSendEmailConfig(u, '{ "from": "benefits@example.com", }');
    // Back to the section later (a reload): the draft is there, its configuration closed.
    cleanup();
    open('tools');
    expect(screen.getByRole('button', { name: 'Edit configuration of “Send email”' })).toBeTruthy();
    await u.click(screen.getByRole('button', { name: 'Save tools' }));
    const config = await screen.findByRole<HTMLTextAreaElement>('textbox', {
      name: 'Configuration of “Send email”',
    });
    await waitFor(() => expect(document.activeElement).toBe(config));
    await u.type(config, '{Backspace}{Backspace}{Backspace} }');
    expect(config.value).toBe('{ "from": "benefits@example.com" }');
    // Mantine's Collapse closes on the next animation frames.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(
      screen
        .getByRole('button', { name: 'Hide configuration of “Send email”' })
        .getAttribute('aria-expanded'),
    ).toBe('true');
    expect(document.activeElement).toBe(config);
  });

  it('hides a configuration whose JSON is not valid with one click, and still says at the row that it needs fixing', async () => {
    fakeStaging();
    const u = user();
    open('tools');
    await typeSendEmailConfig(u, '{ "from": ');
    await u.click(screen.getByRole('button', { name: 'Hide configuration of “Send email”' }));
    // The check of the field left comes after the click: it must not open the configuration again.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(
      screen
        .getByRole('button', { name: 'Edit configuration of “Send email”' })
        .getAttribute('aria-expanded'),
    ).toBe('false');
    // In the error colour the theme makes readable in both schemes (plain red is 4.3:1 on the row's grey).
    expect(screen.getByText(/Needs fixing/).style.color).toBe('var(--mantine-color-error)');
  });

  it('formats a configuration and leaves the focus in it, not on the button that formatting turns off', async () => {
    fakeStaging();
    const u = user();
    open('tools');
    const config = await typeSendEmailConfig(u, '{"from":"hr@example.com"}');
    const format = screen.getByRole<HTMLButtonElement>('button', { name: 'Format JSON' });
    await u.click(format);
    expect((config as HTMLTextAreaElement).value).toBe('{\n  "from": "hr@example.com"\n}');
    expect(format.disabled).toBe(true);
    expect(document.activeElement).toBe(config);
  });

  it('says at the field that a configuration of a tool being switched off is not JSON, and sends nothing', async () => {
    const server = fakeStaging();
    const u = user();
    open('tools');
    await typeSendEmailConfig(u, '{ "from": ');
    await u.click(screen.getByRole('switch', { name: 'Enable tool “Microsoft 365”' }));
    await u.click(screen.getByRole('button', { name: 'Save tools' }));
    expect(await screen.findByText(/^Not valid JSON at line 1, column \d+/)).toBeTruthy();
    expect(server.edits()).toEqual([]);
  });
});

describe('guardrails', () => {
  it('lists every type with its description and toggles them', async () => {
    const server = fakeStaging();
    const u = user();
    open('guardrails');
    expect(screen.getByText('Masks personal data.')).toBeTruthy();
    await u.click(screen.getByRole('switch', { name: 'Toxicity filter' }));
    expect(screen.getByText('Will be turned on')).toBeTruthy();
    await u.click(screen.getByRole('button', { name: 'Save guardrails' }));
    await saved();
    expect(server.edits().map((c) => [c.method, c.body])).toEqual([
      ['PATCH', { guardrail_type: 'toxicity', enabled: true }],
    ]);
  });

  it('names the guardrail a refusal is about as the section does', async () => {
    const server = fakeStaging();
    const u = user();
    open('guardrails');
    await u.click(screen.getByRole('switch', { name: 'Toxicity filter' }));
    server.state.failNext = failure(422, 'VALIDATION_ERROR', 'Some fields are not valid', [
      { field: 'guardrail_type', message: 'Unknown guardrail type; expected one of pii' },
    ]);
    await u.click(screen.getByRole('button', { name: 'Save guardrails' }));
    const alert = await screen.findByRole('alert');
    expect(
      within(alert).getByText('Guardrail “Toxicity filter”: Unknown guardrail type; expected one of pii'),
    ).toBeTruthy();
  });
});
