// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MantineProvider } from '@mantine/core';
import { focusManager, QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import { Suspense, type ReactNode } from 'react';
import type { Permission } from '@contract';
import type { AgentDetail, StagingDiff } from '@/api/adapter';
import { agentQueries } from '@/api/agents/queries';
import { authQueries } from '@/api/auth/queries';
import { ReviewScreen } from './review-screen';
import { fieldChange } from '@/test/agent-fixtures';
import { stubFontFaceSet } from '@/test/render-with-router';

const AGENT = 7;

const fc = fieldChange;

function stagingDiff(iterations = 12, fingerprint = 'fp-1'): StagingDiff {
  return {
    agentId: AGENT,
    fingerprint,
    liveChangeTrackId: 40,
    hasChanges: true,
    sections: [
      {
        key: 'agent_settings',
        title: 'Agent settings',
        changes: [
          fc({ path: 'caching_enabled', label: 'Response caching', before: true, after: false }),
          fc({
            path: 'react_max_iteration_count',
            label: 'ReAct max iterations',
            before: 5,
            after: iterations,
          }),
        ],
      },
      {
        key: 'guardrails',
        title: 'Guardrails',
        changes: [
          fc({
            path: 'guardrails/pii',
            label: 'Guardrail “PII redaction”',
            before: { type: 'pii', name: 'PII redaction', enabled: true },
            after: { type: 'pii', name: 'PII redaction', enabled: false },
          }),
        ],
      },
    ],
  };
}

/** The same diff as the server sends it, for refetches. */
function wireDiff(diff: StagingDiff) {
  return {
    agent_id: diff.agentId,
    staging_fingerprint: diff.fingerprint,
    live_change_track_id: diff.liveChangeTrackId,
    has_changes: diff.hasChanges,
    sections: diff.sections.map((s) => ({
      key: s.key,
      title: s.title,
      changes: s.changes.map((c) => ({
        path: c.path,
        label: c.label,
        change: c.change,
        before: c.before,
        after: c.after,
      })),
    })),
  };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const publishRecord = {
  change_track_id: 41,
  version: 9,
  published_by: { id: 2, email: 'reviewer@example.com', name: 'Rae Viewer' },
  published_on: '2026-11-28T20:00:00.000000Z',
  note: 'Ship it',
  summary: {
    text: 'Agent settings: 2 changes · Guardrails: 1 change',
    sections: [
      { key: 'agent_settings', title: 'Agent settings', count: 2 },
      { key: 'guardrails', title: 'Guardrails', count: 1 },
    ],
  },
  rolled_back_to: null,
  is_live: true,
};

let client: QueryClient;

function renderScreen(
  diff: StagingDiff,
  /** null: not known yet, left to a fetch. */
  permissions: Permission[] | null = ['view', 'publish'],
  agent?: AgentDetail,
  /** Rendered beside the screen, as the agent's layout is around it. */
  beside?: ReactNode,
  /** Who is signed in, as the review route reads it before the screen renders. */
  email?: string,
) {
  client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  client.setQueryData(agentQueries.stagingDiff(AGENT).queryKey, diff);
  if (email) {
    const [name = email] = email.split('@');
    client.setQueryData(authQueries.me().queryKey, {
      id: email.length,
      email,
      first_name: name,
      last_name: '',
      name,
      is_staff: false,
      is_superuser: false,
    });
  }
  if (permissions) client.setQueryData(agentQueries.permissions(AGENT).queryKey, permissions);
  if (agent) client.setQueryData(agentQueries.detail(AGENT).queryKey, agent);
  return render(
    <MantineProvider>
      <QueryClientProvider client={client}>
        <MemoryRouter>
          <Suspense fallback="loading">
            <ReviewScreen agentId={AGENT} />
          </Suspense>
          {beside}
        </MemoryRouter>
      </QueryClientProvider>
    </MantineProvider>,
  );
}

/** What the agent's layout does with the agent's detail: a 404 shows its not-found page. */
function AgentLayoutStandIn() {
  const detail = useQuery(agentQueries.detail(AGENT));
  return detail.isError ? <p>Agent not found: {detail.error.message}</p> : null;
}

/** Opens the publish dialog from "Publish…". */
async function openPublishDialog(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'Publish…' }));
  return screen.findByRole('dialog', { name: 'Publish to production' });
}

const isChecked = (name: string) => screen.getByRole<HTMLInputElement>('checkbox', { name }).checked;

/** Answers the publish and any refetch; records what was asked. */
function stubServer(handlers: {
  publish: () => Response | Promise<Response>;
  diff: () => unknown;
  /** The newest publish records, newest first (the history's first page). */
  history?: () => unknown[];
}) {
  const calls: { method: string; url: string; body: unknown }[] = [];
  const fetchMock = vi.fn((input: string, init?: RequestInit) => {
    const url = input;
    const method = init?.method ?? 'GET';
    calls.push({
      method,
      url,
      body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
    });
    if (method === 'POST' && url.endsWith(`/api/v2/agents/${AGENT}/publish`))
      return Promise.resolve().then(handlers.publish);
    if (url.includes(`/api/v2/agents/${AGENT}/publishes?`) && handlers.history) {
      const records = handlers.history();
      const page = {
        total_records: records.length,
        current_page: 1,
        total_pages: 1,
        publish_records: records,
      };
      return Promise.resolve(json(200, { success: true, data: page }));
    }
    if (url.endsWith('/api/v2/users/me'))
      return Promise.resolve(
        json(200, {
          success: true,
          data: {
            id: 2,
            email: 'reviewer@example.com',
            first_name: 'Rae',
            last_name: 'Viewer',
            name: 'Rae Viewer',
            is_staff: false,
            is_superuser: false,
          },
        }),
      );
    if (url.includes(`/api/v2/agents/${AGENT}/staging-diff`))
      return Promise.resolve(json(200, { success: true, message: 'OK', data: handlers.diff() }));
    if (url.includes(`/api/v2/agents/${AGENT}/permissions/me`))
      return Promise.resolve(json(200, { success: true, data: { permissions: ['view', 'publish'] } }));
    return Promise.resolve(json(404, { success: false, message: 'Not found', error: { code: 'NOT_FOUND' } }));
  });
  vi.stubGlobal('fetch', fetchMock);
  return calls;
}

/** A server on which staging moved on: publishing gets 412, and the diff is now fp-2. */
const stubStaleServer = () =>
  stubServer({
    publish: () =>
      json(412, {
        success: false,
        message: 'The changes differ from the ones you reviewed.',
        error: { code: 'STAGING_CHANGED', details: { current_fingerprint: 'fp-2' } },
      }),
    diff: () => wireDiff(stagingDiff(20, 'fp-2')),
  });

beforeEach(() => {
  window.localStorage.clear();
  window.sessionStorage.clear();
  stubFontFaceSet();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('ReviewScreen', () => {
  it('lists the sections with counts and counts the ones marked viewed', async () => {
    const user = userEvent.setup();
    renderScreen(stagingDiff());
    const index = screen.getByRole('navigation', { name: 'Sections' });
    expect(within(index).getByText('0 of 2 sections viewed')).toBeTruthy();
    // The name starts with the text shown ("Agent settings 2"), as speech input expects.
    const settings = within(index).getByRole('button', { name: 'Agent settings 2 changes' });
    expect(settings.textContent).toBe('Agent settings 2 changes');
    expect(settings.hasAttribute('aria-label')).toBe(false);

    await user.click(screen.getByRole('checkbox', { name: 'Viewed: Guardrails' }));
    expect(within(index).getByText('1 of 2 sections viewed')).toBeTruthy();
    expect(within(index).getByRole('button', { name: 'Guardrails 1 change, viewed' })).toBeTruthy();
  });

  it('keeps each person’s viewed marks their own on a browser two people sign in on', async () => {
    const user = userEvent.setup();
    renderScreen(stagingDiff(), undefined, undefined, undefined, 'reviewer@example.com');
    await user.click(screen.getByRole('checkbox', { name: 'Viewed: Agent settings' }));
    await user.click(screen.getByRole('checkbox', { name: 'Viewed: Guardrails' }));
    cleanup();

    // Someone else, who has looked at nothing, is told so before publishing.
    renderScreen(stagingDiff(), undefined, undefined, undefined, 'admin@example.com');
    expect(screen.getByText('0 of 2 sections viewed')).toBeTruthy();
    expect(isChecked('Viewed: Guardrails')).toBe(false);
    const dialog = await openPublishDialog(user);
    expect(within(dialog).getByRole('note').textContent).toBe('You have not marked any section viewed.');
    cleanup();

    renderScreen(stagingDiff(), undefined, undefined, undefined, 'reviewer@example.com');
    expect(screen.getByText('2 of 2 sections viewed')).toBeTruthy();
  });

  it('says where each side is in the layout chosen', async () => {
    const user = userEvent.setup();
    renderScreen(stagingDiff());
    expect(screen.getByText(/Production \(live\) on the left, Staging on the right/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Unified' }));
    expect(
      await screen.findByText(/from Production \(live\) to Staging: removed lines, then added ones/),
    ).toBeTruthy();
  });

  it('clears a viewed mark when that section’s changes differ from what was viewed, keeping the others', async () => {
    const user = userEvent.setup();
    renderScreen(stagingDiff(12));
    await user.click(screen.getByRole('checkbox', { name: 'Viewed: Agent settings' }));
    await user.click(screen.getByRole('checkbox', { name: 'Viewed: Guardrails' }));
    expect(screen.getByText('2 of 2 sections viewed')).toBeTruthy();

    act(() => {
      client.setQueryData(agentQueries.stagingDiff(AGENT).queryKey, stagingDiff(20, 'fp-2'));
    });
    expect(await screen.findByText('1 of 2 sections viewed')).toBeTruthy();
    expect(isChecked('Viewed: Agent settings')).toBe(false);
    expect(isChecked('Viewed: Guardrails')).toBe(true);
  });

  it('keeps viewed marks across visits for the same changes', async () => {
    const user = userEvent.setup();
    renderScreen(stagingDiff());
    await user.click(screen.getByRole('checkbox', { name: 'Viewed: Guardrails' }));
    cleanup();
    renderScreen(stagingDiff());
    expect(isChecked('Viewed: Guardrails')).toBe(true);
  });

  it('offers no Publish to a user without the publish permission, and says who can publish', () => {
    renderScreen(stagingDiff(), ['view', 'edit']);
    expect(screen.getByRole('checkbox', { name: 'Viewed: Guardrails' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Publish…' })).toBeNull();
    expect(screen.getByText('Publishing needs a reviewer or an admin.')).toBeTruthy();
    cleanup();
    renderScreen({ ...stagingDiff(), hasChanges: false, sections: [] }, ['view']);
    expect(screen.getByText('Staging matches production: nothing to publish.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Publish…' })).toBeNull();
  });

  it('keeps Publish, disabled with the reason, while the permissions are not known yet', () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => new Promise<Response>(() => {})),
    );
    renderScreen(stagingDiff(), null);
    const button = screen.getByRole('button', { name: 'Publish…' });
    expect(button.hasAttribute('disabled')).toBe(true);
    expect(button.getAttribute('aria-describedby')).toBe('publish-blocked-reason');
    expect(screen.getByText('Checking whether you may publish…')).toBeTruthy();
    expect(screen.queryByText('Publishing needs a reviewer or an admin.')).toBeNull();
  });

  it('keeps the permissions it knew when checking them again fails, as after a publish the server never answered', async () => {
    const user = userEvent.setup();
    // The server is down: the publish, and every refetch after it, fail.
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))),
    );
    renderScreen(stagingDiff());
    const dialog = await openPublishDialog(user);
    await user.type(within(dialog).getByRole('textbox', { name: /Note/ }), 'Ship it');
    await user.click(within(dialog).getByRole('button', { name: 'Publish' }));
    expect(await within(dialog).findByText(/The server could not be reached/)).toBeTruthy();
    await waitFor(() =>
      expect(client.getQueryState(agentQueries.permissions(AGENT).queryKey)?.status).toBe('error'),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByRole('button', { name: 'Publish…' }).hasAttribute('disabled')).toBe(false);
    expect(screen.queryByText(/Your permissions could not be checked/)).toBeNull();
  });

  it('offers to check the permissions again when they never loaded, and enables Publish once they do', async () => {
    const user = userEvent.setup();
    let down = true;
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string) =>
        down
          ? Promise.reject(new TypeError('Failed to fetch'))
          : url.includes('/permissions/me')
            ? Promise.resolve(json(200, { success: true, data: { permissions: ['view', 'publish'] } }))
            : Promise.resolve(
                json(404, { success: false, message: 'Not found', error: { code: 'NOT_FOUND' } }),
              ),
      ),
    );
    renderScreen(stagingDiff(), null);
    expect(await screen.findByText(/Your permissions could not be checked/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Publish…' }).hasAttribute('disabled')).toBe(true);
    down = false;
    await user.click(screen.getByRole('button', { name: 'Check again' }));
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Publish…' }).hasAttribute('disabled')).toBe(false),
    );
    expect(screen.queryByText(/Your permissions could not be checked/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Check again' })).toBeNull();
  });

  it('says there is nothing to publish when staging equals production, with Publish disabled', () => {
    renderScreen({ ...stagingDiff(), hasChanges: false, sections: [] });
    expect(screen.getByText('Staging matches production: nothing to publish.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Publish…' }).hasAttribute('disabled')).toBe(true);
    // No diffs, so no sides to describe.
    expect(screen.queryByText(/^What publishing would change/)).toBeNull();
    expect(screen.queryByRole('navigation', { name: 'Sections' })).toBeNull();
    // Within dimmed text, colour alone does not tell the link apart.
    expect(
      screen.getByRole('link', { name: 'See what was published before' }).getAttribute('data-underline'),
    ).toBe('always');
  });

  it('requires a note before publishing and sends nothing without one', async () => {
    const user = userEvent.setup();
    const calls = stubServer({
      publish: () => json(201, { success: true, data: publishRecord }),
      diff: () => ({}),
    });
    renderScreen(stagingDiff());
    const dialog = await openPublishDialog(user);
    expect(within(dialog).getByRole('table', { name: 'Changes to publish' }).textContent).toContain(
      'Agent settings2',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Publish' }));
    expect(await within(dialog).findByText('Say why this goes live')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('publishes with the note and the fingerprint on screen, then links to the new history entry', async () => {
    const user = userEvent.setup();
    const empty = {
      ...wireDiff(stagingDiff()),
      has_changes: false,
      sections: [],
      staging_fingerprint: 'fp-9',
    };
    const calls = stubServer({
      publish: () => json(201, { success: true, data: publishRecord }),
      diff: () => empty,
    });
    renderScreen(stagingDiff());
    const dialog = await openPublishDialog(user);
    await user.type(within(dialog).getByRole('textbox', { name: /Note/ }), '  Ship it  ');
    await user.click(within(dialog).getByRole('button', { name: 'Publish' }));

    const status = await screen.findByRole('status', {}, { timeout: 5000 });
    expect(within(status).getByText('Published version 9 to production')).toBeTruthy();
    expect(
      within(status).getByRole('link', { name: 'See version 9 in the history' }).getAttribute('href'),
    ).toBe(`/agents/${AGENT}/history?version=9`);
    // In the alert's own text colour (the link colour lacks contrast on the dark teal), underlined.
    const link = within(status).getByRole('link', { name: 'See version 9 in the history' });
    expect(link.getAttribute('data-underline')).toBe('always');
    expect(link.style.color).toBe('inherit');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      note: 'Ship it',
      expected_fingerprint: 'fp-1',
    });
    await waitFor(() =>
      expect(screen.getByText('Staging matches production: nothing to publish.')).toBeTruthy(),
    );
    expect(screen.getByRole('button', { name: 'Publish…' }).hasAttribute('disabled')).toBe(true);
  });

  it('after a publish, the next one starts from an empty note', async () => {
    const user = userEvent.setup();
    stubServer({
      publish: () => json(201, { success: true, data: publishRecord }),
      diff: () => wireDiff(stagingDiff(3, 'fp-3')),
    });
    renderScreen(stagingDiff());
    const dialog = await openPublishDialog(user);
    await user.type(within(dialog).getByRole('textbox', { name: /Note/ }), 'Ship it');
    await user.click(within(dialog).getByRole('button', { name: 'Publish' }));
    await screen.findByText('Published version 9 to production', {}, { timeout: 5000 });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(document.activeElement).toBe(screen.getByRole('status'));

    const next = await openPublishDialog(user);
    expect(within(next).getByRole<HTMLTextAreaElement>('textbox', { name: /Note/ }).value).toBe('');
    // Nor does it come back with the screen.
    cleanup();
    renderScreen(stagingDiff(3, 'fp-3'));
    const later = await openPublishDialog(user);
    expect(within(later).getByRole<HTMLTextAreaElement>('textbox', { name: /Note/ }).value).toBe('');
  });

  it('forgets the note of a publish that went through after the reviewer left the screen', async () => {
    const user = userEvent.setup();
    let answer: (response: Response) => void = () => undefined;
    stubServer({
      publish: () => new Promise<Response>((resolve) => (answer = resolve)),
      diff: () => wireDiff(stagingDiff(3, 'fp-3')),
    });
    renderScreen(stagingDiff());
    const dialog = await openPublishDialog(user);
    await user.type(within(dialog).getByRole('textbox', { name: /Note/ }), 'Ship it');
    await user.click(within(dialog).getByRole('button', { name: 'Publish' }));
    cleanup();
    answer(json(201, { success: true, data: publishRecord }));
    await waitFor(() => expect(window.sessionStorage.getItem(`ejento.publish-note.${AGENT}`)).toBeNull());
    renderScreen(stagingDiff(3, 'fp-3'));
    const next = await openPublishDialog(user);
    expect(within(next).getByRole<HTMLTextAreaElement>('textbox', { name: /Note/ }).value).toBe('');
  });

  it('keeps a note typed but not sent when the reviewer leaves the screen and comes back', async () => {
    const user = userEvent.setup();
    stubServer({ publish: () => json(500, {}), diff: () => wireDiff(stagingDiff()) });
    renderScreen(stagingDiff());
    const dialog = await openPublishDialog(user);
    await user.type(within(dialog).getByRole('textbox', { name: /Note/ }), 'Approved by Legal');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    cleanup();
    renderScreen(stagingDiff());
    const again = await openPublishDialog(user);
    expect(within(again).getByRole<HTMLTextAreaElement>('textbox', { name: /Note/ }).value).toBe(
      'Approved by Legal',
    );
  });

  it('fetches the agent again when the diff says otherwise about unpublished changes, or staging changed since', async () => {
    stubServer({ publish: () => json(500, {}), diff: () => wireDiff(stagingDiff(20, 'fp-2')) });
    const detailKey = agentQueries.detail(AGENT).queryKey;
    const invalidated = () => client.getQueryState(detailKey)?.isInvalidated;

    // The header's agent agrees with the diff: left alone.
    renderScreen(stagingDiff(), ['view', 'publish'], { hasUnpublishedChanges: true } as AgentDetail);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(invalidated()).toBe(false);
    cleanup();

    // It was read before someone's save: "matches production" over a diff with changes.
    renderScreen(stagingDiff(), ['view', 'publish'], { hasUnpublishedChanges: false } as AgentDetail);
    await waitFor(() => expect(invalidated()).toBe(true));
    cleanup();

    // Staging changes while the screen is open (the window gets the focus back).
    renderScreen(stagingDiff(), ['view', 'publish'], { hasUnpublishedChanges: true } as AgentDetail);
    expect(invalidated()).toBe(false);
    try {
      act(() => focusManager.setFocused(false));
      act(() => focusManager.setFocused(true));
      await screen.findByText(/Staging changed/, {}, { timeout: 5000 });
    } finally {
      focusManager.setFocused(undefined);
    }
    await waitFor(() => expect(invalidated()).toBe(true));
  });

  it('says when the kept note was written before staging changed, until the reviewer edits it', async () => {
    const user = userEvent.setup();
    const hint = /You wrote this note before staging last changed/;
    stubServer({ publish: () => json(500, {}), diff: () => wireDiff(stagingDiff()) });
    renderScreen(stagingDiff(12, 'fp-1'));
    const dialog = await openPublishDialog(user);
    await user.type(within(dialog).getByRole('textbox', { name: /Note/ }), 'Approved by Legal');
    // Written for the changes on screen: nothing to say.
    expect(within(dialog).queryByText(hint)).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    cleanup();

    // Back on the same changes: still nothing to say.
    renderScreen(stagingDiff(12, 'fp-1'));
    const same = await openPublishDialog(user);
    expect(within(same).queryByText(hint)).toBeNull();
    cleanup();

    // Staging changed since: the note is there, and the dialog says it was written for others.
    renderScreen(stagingDiff(20, 'fp-2'));
    const other = await openPublishDialog(user);
    const note = within(other).getByRole<HTMLTextAreaElement>('textbox', { name: /Note/ });
    expect(note.value).toBe('Approved by Legal');
    expect(within(other).getByText(hint)).toBeTruthy();
    expect(note.getAttribute('aria-describedby') ?? '').not.toBe('');
    // Once the reviewer has looked at it and edited it, it is theirs for these changes.
    await user.type(note, ' (and the new limit)');
    expect(within(other).queryByText(hint)).toBeNull();
  });

  it('on STAGING_CHANGED says so, reloads the diff, clears the marks of the sections that changed and publishes nothing', async () => {
    const user = userEvent.setup();
    stubStaleServer();
    renderScreen(stagingDiff(12));
    await user.click(screen.getByRole('checkbox', { name: 'Viewed: Agent settings' }));
    await user.click(screen.getByRole('checkbox', { name: 'Viewed: Guardrails' }));
    const dialog = await openPublishDialog(user);
    await user.type(within(dialog).getByRole('textbox', { name: /Note/ }), 'Ship it');
    await user.click(within(dialog).getByRole('button', { name: 'Publish' }));

    const alert = await screen.findByRole('alert', {}, { timeout: 5000 });
    expect(within(alert).getByText('Staging changed while you were reviewing')).toBeTruthy();
    expect(alert.textContent).toContain('Nothing was published');
    expect(alert.textContent).toContain('(Agent settings)');
    expect(screen.getByText('1 of 2 sections viewed')).toBeTruthy();
    expect(isChecked('Viewed: Agent settings')).toBe(false);
    expect(screen.getAllByText('20').length).toBeGreaterThan(0);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    // The notice keeps the focus: the closing dialog does not hand it back to "Publish…".
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(document.activeElement).toBe(alert);

    // Publishing again after a second look starts from the note already written.
    const again = await openPublishDialog(user);
    expect(within(again).getByRole<HTMLTextAreaElement>('textbox', { name: /Note/ }).value).toBe('Ship it');
  });

  it('publishes what the dialog opened on: a refresh meanwhile changes neither the dialog nor the fingerprint sent', async () => {
    const user = userEvent.setup();
    const calls = stubStaleServer();
    renderScreen(stagingDiff(12));
    const dialog = await openPublishDialog(user);
    const table = within(dialog).getByRole('table', { name: 'Changes to publish' });
    const before = table.textContent;
    // Someone adds a change; the diff refreshes (the window got the focus back) with the dialog open.
    const sneaked = stagingDiff(12, 'fp-2');
    sneaked.sections[1]!.changes.push(
      fc({ path: 'guardrails/toxicity', label: 'Toxicity filter', before: true, after: false }),
    );
    act(() => {
      client.setQueryData(agentQueries.stagingDiff(AGENT).queryKey, sneaked);
    });
    expect(within(dialog).getByRole('table', { name: 'Changes to publish' }).textContent).toBe(before);
    await user.type(within(dialog).getByRole('textbox', { name: /Note/ }), 'Ship it');
    await user.click(within(dialog).getByRole('button', { name: 'Publish' }));
    await screen.findByText('Nothing was published.', { exact: false }, { timeout: 5000 });
    const sent = calls.find((c) => c.method === 'POST');
    expect(sent?.body).toEqual({ note: 'Ship it', expected_fingerprint: 'fp-1' });
  });

  it('after a refusal following a refresh, names what changed since the dialog opened, and still notices later changes', async () => {
    const user = userEvent.setup();
    stubStaleServer();
    renderScreen(stagingDiff(12));
    const dialog = await openPublishDialog(user);
    act(() => {
      client.setQueryData(agentQueries.stagingDiff(AGENT).queryKey, stagingDiff(20, 'fp-2'));
    });
    await user.type(within(dialog).getByRole('textbox', { name: /Note/ }), 'Ship it');
    await user.click(within(dialog).getByRole('button', { name: 'Publish' }));
    await screen.findByText('Nothing was published.', { exact: false }, { timeout: 5000 });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('(Agent settings)'));
    await user.click(within(screen.getByRole('alert')).getByRole('button'));
    expect(screen.queryByRole('alert')).toBeNull();
    // Someone saves again: said, though the last publish was refused.
    act(() => {
      client.setQueryData(agentQueries.stagingDiff(AGENT).queryKey, stagingDiff(12, 'fp-3'));
    });
    expect(await screen.findByRole('alert')).toBeTruthy();
  });

  it('says so when a refresh brings other changes than the ones on screen, clearing their Viewed marks', async () => {
    const user = userEvent.setup();
    renderScreen(stagingDiff(12));
    await user.click(screen.getByRole('checkbox', { name: 'Viewed: Agent settings' }));
    await user.click(screen.getByRole('checkbox', { name: 'Viewed: Guardrails' }));
    expect(screen.queryByRole('alert')).toBeNull();
    act(() => {
      client.setQueryData(agentQueries.stagingDiff(AGENT).queryKey, stagingDiff(20, 'fp-2'));
    });
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Staging changed while you were reviewing')).toBeTruthy();
    expect(alert.textContent).not.toContain('Nothing was published');
    await waitFor(() => expect(alert.textContent).toContain('(Agent settings)'));
    // Nothing the reviewer did: the focus stays where it was.
    expect(document.activeElement).not.toBe(alert);
  });

  it('says there is nothing left to publish when a refresh finds staging matching production', async () => {
    renderScreen(stagingDiff(12));
    act(() => {
      client.setQueryData(agentQueries.stagingDiff(AGENT).queryKey, {
        ...stagingDiff(12, 'fp-2'),
        hasChanges: false,
        sections: [],
      });
    });
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Staging changed while you were reviewing')).toBeTruthy();
    expect(alert.textContent).toContain('nothing left to review or publish');
    expect(alert.textContent).not.toContain('then publish');
    expect(screen.getByText('Staging matches production: nothing to publish.')).toBeTruthy();
  });

  it('fetches the diff again when the window gets the focus back, however soon, and says what changed', async () => {
    const calls = stubServer({ publish: () => json(500, {}), diff: () => wireDiff(stagingDiff(20, 'fp-2')) });
    renderScreen(stagingDiff(12));
    expect(screen.queryByRole('alert')).toBeNull();
    try {
      act(() => focusManager.setFocused(false));
      act(() => focusManager.setFocused(true));
      const alert = await screen.findByRole('alert');
      expect(within(alert).getByText('Staging changed while you were reviewing')).toBeTruthy();
      expect(calls.filter((c) => c.url.includes('/staging-diff'))).toHaveLength(1);
    } finally {
      focusManager.setFocused(undefined);
    }
  });

  it('on NOTHING_TO_PUBLISH refreshes to the empty state', async () => {
    const user = userEvent.setup();
    stubServer({
      publish: () =>
        json(409, {
          success: false,
          message: 'Nothing to publish.',
          error: { code: 'NOTHING_TO_PUBLISH' },
          data: { has_changes: false },
        }),
      diff: () => ({ ...wireDiff(stagingDiff()), has_changes: false, sections: [] }),
    });
    renderScreen(stagingDiff());
    const dialog = await openPublishDialog(user);
    await user.type(within(dialog).getByRole('textbox', { name: /Note/ }), 'Ship it');
    await user.click(within(dialog).getByRole('button', { name: 'Publish' }));
    expect(
      await screen.findByText('Staging matches production: nothing to publish.', {}, { timeout: 5000 }),
    ).toBeTruthy();
    expect(screen.getByText(/Staging already matches production/)).toBeTruthy();
  });

  it('when the answer to a publish is lost but the history shows it went through, reports it published', async () => {
    const user = userEvent.setup();
    const calls = stubServer({
      publish: () => Promise.reject(new TypeError('Failed to fetch')),
      diff: () => ({
        ...wireDiff(stagingDiff()),
        has_changes: false,
        sections: [],
        staging_fingerprint: 'fp-9',
      }),
      history: () => [publishRecord, { ...publishRecord, change_track_id: 40, version: 8, note: 'Earlier' }],
    });
    renderScreen(stagingDiff());
    const dialog = await openPublishDialog(user);
    await user.type(within(dialog).getByRole('textbox', { name: /Note/ }), 'Ship it');
    await user.click(within(dialog).getByRole('button', { name: 'Publish' }));

    const status = await screen.findByRole('status', {}, { timeout: 5000 });
    expect(within(status).getByText('Published version 9 to production')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1);
    await waitFor(() =>
      expect(screen.getByText('Staging matches production: nothing to publish.')).toBeTruthy(),
    );
  });

  it.each([
    ['someone else published', { published_by: { id: 3, email: 'admin@example.com', name: 'Ada Admin' } }],
    ['an older publish with the same note', { change_track_id: 40, version: 8 }],
    ['the newest publish has another note', { note: 'Something else' }],
  ])(
    'when the answer to a publish is lost and %s, says the server could not be reached and keeps the note',
    async (_, record) => {
      const user = userEvent.setup();
      stubServer({
        publish: () => Promise.reject(new TypeError('Failed to fetch')),
        diff: () => wireDiff(stagingDiff()),
        history: () => [{ ...publishRecord, ...record }],
      });
      renderScreen(stagingDiff());
      await user.click(screen.getByRole('button', { name: 'Publish…' }));
      const dialog = await screen.findByRole('dialog', { name: 'Publish to production' });
      await user.type(within(dialog).getByRole('textbox', { name: /Note/ }), 'Ship it');
      await user.click(within(dialog).getByRole('button', { name: 'Publish' }));
      expect(await within(dialog).findByText(/The server could not be reached/)).toBeTruthy();
      expect(within(dialog).getByRole<HTMLTextAreaElement>('textbox', { name: /Note/ }).value).toBe(
        'Ship it',
      );
      expect(screen.queryByRole('status')).toBeNull();
    },
  );

  it('says so when the agent was deleted meanwhile, offers no Publish, keeps the note, and shows the agent gone once closed', async () => {
    const user = userEvent.setup();
    const calls = stubServer({
      publish: () =>
        json(404, { success: false, message: `No agent with id ${AGENT}`, error: { code: 'NOT_FOUND' } }),
      diff: () => wireDiff(stagingDiff()),
    });
    renderScreen(
      stagingDiff(),
      ['view', 'publish'],
      { hasUnpublishedChanges: true } as AgentDetail,
      <AgentLayoutStandIn />,
    );
    const dialog = await openPublishDialog(user);
    await user.type(within(dialog).getByRole('textbox', { name: /Note/ }), 'Ship it');
    await user.click(within(dialog).getByRole('button', { name: 'Publish' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('Nothing was published');
    expect(alert.textContent).toContain('This agent was deleted while you were reviewing it.');
    expect(alert.textContent).not.toContain(`No agent with id ${AGENT}`);
    expect(within(dialog).queryByRole('button', { name: 'Publish' })).toBeNull();
    expect(within(dialog).getByRole<HTMLTextAreaElement>('textbox', { name: /Note/ }).value).toBe('Ship it');
    // The page behind is left as it is while the dialog says why: refetched now, the agent's 404
    // would take the dialog away.
    const detailFetches = () =>
      calls.filter((c) => c.method === 'GET' && new RegExp(`/api/v2/agents/${AGENT}(\\?|$)`).test(c.url));
    expect(detailFetches()).toHaveLength(0);

    await user.click(within(dialog).getAllByRole('button', { name: 'Close' }).at(-1)!);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await screen.findByText(/Agent not found/)).toBeTruthy();
    expect(detailFetches()).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Publish…' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByText('This agent was deleted, so nothing was published.')).toBeTruthy();
    expect(window.sessionStorage.getItem(`ejento.publish-note.${AGENT}`)).toContain('Ship it');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1);
  });

  it('shows other publish failures in the dialog, keeping the note', async () => {
    const user = userEvent.setup();
    stubServer({
      publish: () =>
        json(403, {
          success: false,
          message: 'You may not publish this agent.',
          error: { code: 'FORBIDDEN' },
        }),
      diff: () => wireDiff(stagingDiff()),
    });
    renderScreen(stagingDiff());
    const dialog = await openPublishDialog(user);
    await user.type(within(dialog).getByRole('textbox', { name: /Note/ }), 'Ship it');
    await user.click(within(dialog).getByRole('button', { name: 'Publish' }));
    expect(await within(dialog).findByText('You may not publish this agent.')).toBeTruthy();
    expect(within(dialog).getByRole<HTMLTextAreaElement>('textbox', { name: /Note/ }).value).toBe('Ship it');
  });

  it('toggles the current section viewed with v and lists the shortcuts with ?', async () => {
    renderScreen(stagingDiff());
    fireEvent.keyDown(window, { key: 'j' });
    fireEvent.keyDown(window, { key: 'v' });
    expect(screen.getByText('1 of 2 sections viewed')).toBeTruthy();
    fireEvent.keyDown(window, { key: 'n' });
    fireEvent.keyDown(window, { key: 'v' });
    expect(screen.getByText('2 of 2 sections viewed')).toBeTruthy();
    fireEvent.keyDown(window, { key: '?' });
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(dialog).getByText('Next change')).toBeTruthy();
  });

  it('keeps the shortcuts working once a Viewed box was ticked with the mouse, the focus left on it', async () => {
    const user = userEvent.setup();
    renderScreen(stagingDiff());
    const box = screen.getByRole('checkbox', { name: 'Viewed: Guardrails' });
    await user.click(box);
    expect(document.activeElement).toBe(box);
    fireEvent.keyDown(box, { key: 'j' });
    fireEvent.keyDown(box, { key: 'v' });
    expect(screen.getByText('2 of 2 sections viewed')).toBeTruthy();
  });

  it('ignores shortcuts while typing in a field', () => {
    renderScreen(stagingDiff());
    const input = document.createElement('input');
    document.body.appendChild(input);
    fireEvent.keyDown(input, { key: 'v' });
    expect(screen.getByText('0 of 2 sections viewed')).toBeTruthy();
    input.remove();
  });
});
