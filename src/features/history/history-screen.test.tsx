// @vitest-environment happy-dom
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { PublishRecordWire } from '@contract';
import {
  AGENT,
  agentWire,
  type Call,
  diffWire,
  fail,
  iterationsSection,
  newQueryClient,
  ok,
  recordWire,
  renderAt,
  stubApi,
} from './history-test-kit';
import { HistoryScreen } from './history-screen';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

// happy-dom lays nothing out: give elements a height so the virtual list has a viewport to fill.
const clientHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 800 });
});
afterAll(() => {
  if (clientHeight) Object.defineProperty(HTMLElement.prototype, 'clientHeight', clientHeight);
});

const BASE = `/api/v2/agents/${AGENT}`;

/** Four publishes: v4 is live and was published after a rollback to v1. */
const RECORDS: PublishRecordWire[] = [
  recordWire(4, { is_live: true, rolled_back_to: 101, note: 'Back to the first prompt' }),
  recordWire(3, { published_by: { id: 2, email: 'reviewer@example.com', name: 'Daniel Reyes' } }),
  recordWire(2),
  recordWire(1, { note: 'Created' }),
];

function listAnswer(call: Call, records = RECORDS) {
  const perPage = Number(call.query.get('items_per_page') ?? 10);
  const page = Number(call.query.get('page') ?? 1);
  const q = call.query.get('q')?.toLowerCase();
  const by = call.query.get('published_by');
  const matching = records.filter(
    (r) => (!q || (r.note ?? '').toLowerCase().includes(q)) && (!by || r.published_by.email === by),
  );
  return ok({
    publish_records: matching.slice((page - 1) * perPage, page * perPage),
    total_records: matching.length,
    current_page: page,
    total_pages: Math.ceil(matching.length / perPage),
  });
}

function stub({ compare = true }: { compare?: boolean } = {}) {
  return stubApi({
    [`GET ${BASE}/publishes`]: listAnswer,
    [`GET ${BASE}/permissions/me`]: () => ok({ permissions: ['view', 'edit', 'publish', 'rollback'] }),
    ...(compare
      ? {
          [`GET ${BASE}/compare`]: (c: Call) =>
            ok(diffWire(c.query.get('from') === c.query.get('to') ? [] : [iterationsSection(5, 8)])),
        }
      : {}),
  });
}

function renderScreen(search = '') {
  const queryClient = newQueryClient();
  const { view, router } = renderAt(<HistoryScreen agentId={AGENT} />, queryClient, search);
  render(view);
  return { router, queryClient };
}

/** The timeline's rows, which must be exactly these versions in this order. */
function expectRows(list: HTMLElement, versions: number[]) {
  const byName = versions.map((v) =>
    within(list).getByRole('link', { name: new RegExp(`^Version ${v}\\b`) }),
  );
  expect(within(list).getAllByRole('link')).toEqual(byName);
}
const timeline = () => screen.findByRole('list', { name: 'Publish history' });
const compareCalls = (api: { calls: Call[] }) =>
  api.calls
    .filter((c) => c.path === `${BASE}/compare`)
    .map((c) => `${c.query.get('from')}→${c.query.get('to')}`);

describe('HistoryScreen', () => {
  it('lists publishes newest first with who, the note, the summary and the markers', async () => {
    stub();
    renderScreen();
    const list = await timeline();
    expectRows(list, [4, 3, 2, 1]);
    const rows = within(list).getAllByRole('link');
    expect(rows[0]!.textContent).toMatch(/Live/);
    expect(rows[0]!.textContent).toMatch(/Rollback to v1/);
    expect(rows[0]!.textContent).toMatch(/Back to the first prompt/);
    expect(rows[1]!.textContent).toMatch(/Daniel Reyes · reviewer@example.com/);
    expect(rows[1]!.textContent).not.toMatch(/Live|Rollback/);
    expect(rows[2]!.textContent).toMatch(/Agent settings 1/);
    expect(
      within(rows[0]!)
        .getByText(/ago|last|yesterday|now/)
        .closest('time')
        ?.getAttribute('dateTime'),
    ).toBe('2026-11-28T19:43:15.123456Z');
  });

  it('selects the newest publish and shows what it changed against the version before it', async () => {
    const api = stub();
    renderScreen();
    expect(await screen.findByRole('heading', { name: 'Version 4' })).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'Changes since version 3' })).toBeTruthy();
    expect(await screen.findByText('ReAct max iterations')).toBeTruthy();
    expect(compareCalls(api)).toContain('103→104');
  });

  it('opens the version a link names and marks it in the timeline', async () => {
    const api = stub();
    renderScreen('?version=2');
    expect(await screen.findByRole('heading', { name: 'Version 2' })).toBeTruthy();
    const list = await timeline();
    expect(within(list).getByRole('link', { current: true })).toBe(
      within(list).getByRole('link', { name: /^Version 2\b/ }),
    );
    await waitFor(() => expect(compareCalls(api)).toContain('101→102'));
  });

  it('on “Show it in the list”, loads older publishes until a linked version far down is among them', async () => {
    const many = Array.from({ length: 130 }, (_, i) => recordWire(130 - i, { is_live: i === 0 }));
    const api = stubApi({
      [`GET ${BASE}/publishes`]: (call: Call) => listAnswer(call, many),
      [`GET ${BASE}/permissions/me`]: () => ok({ permissions: ['view'] }),
      [`GET ${BASE}/compare`]: () => ok(diffWire([iterationsSection(5, 8)])),
    });
    // Rows of a height, so the list loads ahead only as far as it is scrolled (pages 1 and 2).
    const offsetHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetHeight');
    Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 108 });
    try {
      renderScreen('?version=7');
      expect(await screen.findByText(/version 7 is further down/)).toBeTruthy();
      const timelinePages = () =>
        api.calls
          .filter((c) => c.path === `${BASE}/publishes` && c.query.get('items_per_page') === '50')
          .map((c) => c.query.get('page'));
      await waitFor(() => expect(timelinePages()).toEqual(['1', '2']));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(timelinePages()).toEqual(['1', '2']);
      await userEvent.click(screen.getByRole('button', { name: 'Show it in the list' }));
      await waitFor(() => expect(screen.queryByText(/version 7 is further down/)).toBeNull());
      expect(timelinePages()).toEqual(['1', '2', '3']);
      expect(
        screen.queryByRole('button', { name: /Show it in the list|Loading older publishes/ }),
      ).toBeNull();
    } finally {
      if (offsetHeight) Object.defineProperty(HTMLElement.prototype, 'offsetHeight', offsetHeight);
    }
  });

  it('offers to check again when the permissions never loaded, rather than saying only others may revert', async () => {
    let down = true;
    stubApi({
      [`GET ${BASE}/publishes`]: listAnswer,
      [`GET ${BASE}/permissions/me`]: () =>
        down
          ? fail(500, 'INTERNAL_ERROR', 'The sandbox fell over.')
          : ok({ permissions: ['view', 'edit', 'publish', 'rollback'] }),
      [`GET ${BASE}/compare`]: () => ok(diffWire([iterationsSection(5, 8)])),
      [`GET ${BASE}/publishes/104/diff`]: () =>
        ok({
          change_track_id: 104,
          version: 4,
          staging: diffWire([iterationsSection(9, 8)]),
          production: diffWire([]),
          discards_unpublished_changes: false,
        }),
      [`GET ${BASE}`]: () => ok(agentWire()),
    });
    renderScreen();
    await userEvent.click(await screen.findByRole('button', { name: 'Preview a revert…' }));
    const dialog = await screen.findByRole('dialog', { name: 'What reverting to version 4 would change' });
    expect(
      await within(dialog).findByText(
        'Your permissions could not be checked, so reverting is not offered: The sandbox fell over.',
      ),
    ).toBeTruthy();
    expect(within(dialog).queryByText(/only people with the rollback permission can revert/)).toBeNull();

    down = false;
    await userEvent.click(within(dialog).getByRole('button', { name: 'Check again' }));
    const revert = await screen.findByRole('dialog', { name: 'Revert to version 4?' });
    expect(await within(revert).findByRole('button', { name: 'Revert staging to version 4' })).toBeTruthy();
    expect(within(revert).queryByRole('button', { name: 'Check again' })).toBeNull();
  });

  it('moves the selection into the URL when a record is clicked', async () => {
    stub();
    const { router } = renderScreen();
    await userEvent.click(within(await timeline()).getByRole('link', { name: /^Version 3/ }));
    expect(router.state.location.search).toBe('?version=3');
    expect(await screen.findByRole('heading', { name: 'Version 3' })).toBeTruthy();
  });

  describe('on a narrow layout, where the record sits below the timeline', () => {
    /** Lays the panel out below the timeline (stacked) or beside it; records the heading scrolls. */
    function layOut(stacked: boolean) {
      const rect = Object.getOwnPropertyDescriptor(Element.prototype, 'getBoundingClientRect')!;
      const scroll = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollIntoView');
      const scrolled: { heading: string; options: unknown }[] = [];
      Object.defineProperty(Element.prototype, 'getBoundingClientRect', {
        configurable: true,
        value(this: Element) {
          const inTimeline = this.querySelector('[role="list"][aria-label="Publish history"]') !== null;
          const top = inTimeline || !stacked ? 0 : 500;
          return { top, bottom: top + 448, left: 0, right: 390, width: 390, height: 448, x: 0, y: top };
        },
      });
      Object.defineProperty(Element.prototype, 'scrollIntoView', {
        configurable: true,
        value(this: Element, options: unknown) {
          scrolled.push({ heading: this.textContent ?? '', options });
        },
      });
      return {
        scrolled,
        restore() {
          Object.defineProperty(Element.prototype, 'getBoundingClientRect', rect);
          if (scroll) Object.defineProperty(Element.prototype, 'scrollIntoView', scroll);
          else delete (Element.prototype as Partial<Element>).scrollIntoView;
        },
      };
    }

    it('brings the record tapped in the timeline into view, smoothly, and not the one a link opened', async () => {
      const layout = layOut(true);
      try {
        stub();
        renderScreen('?version=2');
        expect(await screen.findByRole('heading', { name: 'Version 2' })).toBeTruthy();
        expect(layout.scrolled).toEqual([]);
        await userEvent.click(within(await timeline()).getByRole('link', { name: /^Version 3/ }));
        expect(await screen.findByRole('heading', { name: 'Version 3' })).toBeTruthy();
        await waitFor(() =>
          expect(layout.scrolled).toEqual([
            { heading: 'Version 3', options: { block: 'start', behavior: 'smooth' } },
          ]),
        );
        // Tapped again, once scrolled away: it comes back into view.
        await userEvent.click(within(await timeline()).getByRole('link', { name: /^Version 3/ }));
        await waitFor(() => expect(layout.scrolled).toHaveLength(2));
      } finally {
        layout.restore();
      }
    });

    it('scrolls without motion when reduced motion is asked for', async () => {
      const layout = layOut(true);
      const matchMedia = window.matchMedia;
      window.matchMedia = (query: string) => {
        const list = matchMedia(query);
        Object.defineProperty(list, 'matches', { value: query.includes('prefers-reduced-motion') });
        return list;
      };
      try {
        stub();
        renderScreen();
        await userEvent.click(within(await timeline()).getByRole('link', { name: /^Version 2/ }));
        await waitFor(() =>
          expect(layout.scrolled).toEqual([
            { heading: 'Version 2', options: { block: 'start', behavior: 'auto' } },
          ]),
        );
      } finally {
        window.matchMedia = matchMedia;
        layout.restore();
      }
    });

    it('does not scroll on a wide layout, where the record is beside the timeline', async () => {
      const layout = layOut(false);
      try {
        stub();
        renderScreen();
        await userEvent.click(within(await timeline()).getByRole('link', { name: /^Version 3/ }));
        expect(await screen.findByRole('heading', { name: 'Version 3' })).toBeTruthy();
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(layout.scrolled).toEqual([]);
      } finally {
        layout.restore();
      }
    });
  });

  it('says the first version has nothing before it', async () => {
    stub();
    renderScreen('?version=1');
    expect(await screen.findByText("This is the agent's first version.")).toBeTruthy();
  });

  it('says so when a link names a version the history does not have', async () => {
    stub();
    renderScreen('?version=9');
    expect(await screen.findByText("Version 9 is not in this agent's history.")).toBeTruthy();
  });

  it('says when a link’s comparison or version cannot be read, shows the latest version, and tidies the link', async () => {
    stub();
    const { router } = renderScreen('?from=abc&to=xyz');
    const notice = await screen.findByRole('status', { name: /This comparison link could not be read/ });
    expect(notice.textContent).toContain('The latest version is shown instead.');
    expect(await screen.findByRole('heading', { name: 'Version 4' })).toBeTruthy();
    await userEvent.click(within(notice).getByRole('button', { name: 'Dismiss' }));
    expect(router.state.location.search).toBe('');
    expect(screen.queryByRole('status', { name: /could not be read/ })).toBeNull();
    cleanup();

    renderScreen('?version=latest');
    expect(await screen.findByRole('status', { name: /This link names no version/ })).toBeTruthy();
  });

  it('treats a link naming a version or a side twice as unreadable, not as its first value', async () => {
    const api = stub();
    const { router } = renderScreen('?version=2&version=3');
    const notice = await screen.findByRole('status', { name: /This link names more than one version/ });
    expect(notice.textContent).toContain('The latest version is shown instead.');
    expect(await screen.findByRole('heading', { name: 'Version 4' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Version 2' })).toBeNull();
    await userEvent.click(within(notice).getByRole('button', { name: 'Dismiss' }));
    expect(router.state.location.search).toBe('');
    cleanup();

    renderScreen('?from=1&from=2&to=live');
    expect(
      await screen.findByRole('status', { name: /This comparison link could not be read/ }),
    ).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'Version 4' })).toBeTruthy();
    expect(compareCalls(api)).not.toContain('101→production');
    cleanup();

    // The same value twice names one version.
    renderScreen('?version=2&version=2');
    expect(await screen.findByRole('heading', { name: 'Version 2' })).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('opens a compared pair from the URL and asks the server for that diff', async () => {
    const api = stub();
    renderScreen('?from=2&to=live');
    expect(await screen.findByRole('heading', { name: 'Compare' })).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'Version 2 → Live' })).toBeTruthy();
    await waitFor(() => expect(compareCalls(api)).toContain('102→production'));
    expect(await screen.findByText('ReAct max iterations')).toBeTruthy();
  });

  it('finds a version in a long history by the number typed, as the timeline writes it or not', async () => {
    const many = Array.from({ length: 150 }, (_, i) => recordWire(150 - i, { is_live: i === 0 }));
    stubApi({
      [`GET ${BASE}/publishes`]: (c) => listAnswer(c, many),
      [`GET ${BASE}/permissions/me`]: () => ok({ permissions: ['view'] }),
      [`GET ${BASE}/compare`]: () => ok(diffWire([iterationsSection(5, 8)])),
    });
    renderScreen('?from=140&to=live');
    expect(await screen.findByRole('heading', { name: 'Version 140 → Live' })).toBeTruthy();
    const from = screen.getByRole('combobox', { name: 'From' });
    const options = async (typed: string) => {
      await userEvent.clear(from);
      await userEvent.type(from, typed);
      const list = await screen.findByRole('listbox', { name: 'From', hidden: true });
      return within(list)
        .getAllByRole('option', { hidden: true })
        .map((o) => o.textContent);
    };
    // Over a hundred versions hold a 1: the one typed comes first, not past the list's cut.
    expect((await options('1')).slice(0, 3)).toEqual(['Version 1', 'Version 150', 'Version 149']);
    expect((await options('Version 1'))[0]).toBe('Version 1');
    expect((await options('v12')).slice(0, 2)).toEqual(['Version 12', 'Version 129']);
    expect(await options('live')).toEqual(['Live (production)']);
    // The best match is the one picked by Enter, and the list shows it (not where it was scrolled).
    await options('v7');
    await waitFor(() =>
      expect(
        screen
          .getByRole('option', { name: 'Version 7', hidden: true })
          .hasAttribute('data-combobox-selected'),
      ).toBe(true),
    );
  });

  it('replaces the version shown in a picker with what is typed once it is clicked', async () => {
    stub();
    renderScreen('?from=3&to=live');
    expect(await screen.findByRole('heading', { name: 'Version 3 → Live' })).toBeTruthy();
    const from = screen.getByRole<HTMLInputElement>('combobox', { name: 'From' });
    const user = userEvent.setup();
    await user.click(from);
    await user.keyboard('2');
    // Not "Version 32", which no version is.
    expect(from.value).toBe('2');
    const list = await screen.findByRole('listbox', { name: 'From', hidden: true });
    expect(within(list).getAllByRole('option', { hidden: true })[0]?.textContent).toBe('Version 2');
  });

  it('starts a comparison of the selected version with Live from "Compare…"', async () => {
    stub();
    const { router } = renderScreen('?version=2');
    await userEvent.click(await screen.findByRole('button', { name: 'Compare…' }));
    const params = new URLSearchParams(router.state.location.search);
    expect([params.get('from'), params.get('to')]).toEqual(['2', 'live']);
  });

  it('hands the focus to the heading of the panel opened with Compare… and Back to the version', async () => {
    stub();
    renderScreen('?version=2');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Compare…' }));
    const compare = await screen.findByRole('heading', { name: 'Compare' });
    await waitFor(() => expect(document.activeElement).toBe(compare));
    await user.click(screen.getByRole('button', { name: 'Back to the version' }));
    const version = await screen.findByRole('heading', { name: 'Version 2' });
    await waitFor(() => expect(document.activeElement).toBe(version));
  });

  it('goes back to the version the comparison was opened from, also after swapping its sides', async () => {
    stub();
    const { router } = renderScreen('?version=2');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Compare…' }));
    await user.click(await screen.findByRole('button', { name: 'Swap sides' }));
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('from')).toBe('live'));
    await user.click(screen.getByRole('button', { name: 'Back to the version' }));
    expect(await screen.findByRole('heading', { name: 'Version 2' })).toBeTruthy();
    expect(new URLSearchParams(router.state.location.search).get('version')).toBe('2');
  });

  it('hides comparing when the server does not offer it', async () => {
    stub({ compare: false });
    renderScreen('?version=3');
    expect(await screen.findByRole('heading', { name: 'Version 3' })).toBeTruthy();
    expect(await screen.findByText(/does not offer comparisons/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Compare…' })).toBeNull();
  });

  it('searches notes after a pause, keeps the search in the URL and says when nothing matches', async () => {
    const api = stub();
    const { router } = renderScreen();
    await timeline();
    await userEvent.type(screen.getByRole('textbox', { name: 'Search notes' }), 'nothing like this');
    expect(
      await screen.findByText('No publishes match these filters.', {}, { timeout: 10_000 }),
    ).toBeTruthy();
    expect(new URLSearchParams(router.state.location.search).get('q')).toBe('nothing like this');
    const searches = api.calls.filter((c) => c.path === `${BASE}/publishes` && c.query.get('q'));
    // Debounced: one request for the whole phrase, not one per key.
    expect(searches.map((c) => c.query.get('q'))).toEqual(['nothing like this']);

    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(await screen.findByRole('list', { name: 'Publish history' })).toBeTruthy();
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Search notes' }).value).toBe('');
  });

  it('gives the focus to the search field once "Clear filters" (gone with the empty result) is used', async () => {
    stub();
    renderScreen('?q=nothing%20like%20this');
    const user = userEvent.setup();
    const clear = await screen.findByRole('button', { name: 'Clear filters' });
    clear.focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('list', { name: 'Publish history' })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Search notes' }));
  });

  it('searches a long pasted note by its start, never sending more than the API takes', async () => {
    // A note of 300 characters, pasted whole to find it: the API refuses a search over 200.
    const note = `Back to the first prompt ${'after the incident review '.repeat(11)}`.slice(0, 300);
    const records = [recordWire(2, { note, is_live: true }), recordWire(1, { note: 'Created' })];
    const api = stubApi({
      [`GET ${BASE}/publishes`]: (c) => listAnswer(c, records),
      [`GET ${BASE}/permissions/me`]: () => ok({ permissions: ['view'] }),
      [`GET ${BASE}/compare`]: () => ok(diffWire([iterationsSection(5, 8)])),
    });
    const { router } = renderScreen();
    await timeline();
    const field = screen.getByRole<HTMLInputElement>('textbox', { name: 'Search notes' });
    await userEvent.click(field);
    await userEvent.paste(note);
    expect(await screen.findByText('1 publish matches', {}, { timeout: 10_000 })).toBeTruthy();
    const searches = api.calls.filter((c) => c.path === `${BASE}/publishes` && c.query.get('q'));
    expect(searches.map((c) => c.query.get('q'))).toEqual([note.slice(0, 200).trim()]);
    expect(new URLSearchParams(router.state.location.search).get('q')).toBe(note.slice(0, 200).trim());
    expect(field.value).toBe(note.slice(0, 200));
  });

  it('does not say nothing matches the filters when the history could not be loaded', async () => {
    stubApi({
      [`GET ${BASE}/publishes`]: () => fail(503, 'UNAVAILABLE', 'The server is unavailable for now'),
      [`GET ${BASE}/permissions/me`]: () => ok({ permissions: ['view'] }),
    });
    renderScreen('?q=incident');
    expect(await screen.findByText('The history could not be loaded')).toBeTruthy();
    expect(screen.getByText('No version to show: the history could not be loaded.')).toBeTruthy();
    expect(screen.queryByText(/nothing in the history matches/)).toBeNull();
  });

  it('keeps a space typed before a pause in the search', async () => {
    stub();
    const { router } = renderScreen();
    await timeline();
    const field = screen.getByRole<HTMLInputElement>('textbox', { name: 'Search notes' });
    await userEvent.type(field, 'Back ');
    // The pause sends the search (trimmed) to the URL; the space stays in the field.
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('q')).toBe('Back'));
    await waitFor(() => expect(screen.getByText('1 publish matches')).toBeTruthy());
    expect(field.value).toBe('Back ');
    await userEvent.type(field, 'to');
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('q')).toBe('Back to'));
    expect(field.value).toBe('Back to');
  });

  it('filters by a publisher picked from the suggestions at once', async () => {
    stub();
    const { router } = renderScreen();
    await timeline();
    const field = screen.getByRole('combobox', { name: 'Publisher' });
    await userEvent.type(field, 'rev');
    const option = await screen.findByRole('option', { name: 'reviewer@example.com', hidden: true });
    const user = userEvent.setup({ pointerEventsCheck: 0 });
    await user.click(option);
    expect(new URLSearchParams(router.state.location.search).get('by')).toBe('reviewer@example.com');
    expect((field as HTMLInputElement).value).toBe('reviewer@example.com');
  });

  it('filters by publisher e-mail', async () => {
    stub();
    renderScreen('?by=reviewer@example.com');
    expectRows(await timeline(), [3]);
    expect(screen.getByText('1 publish matches')).toBeTruthy();
  });

  it('still suggests the publishers it has seen while a publisher filter matches nobody', async () => {
    stub();
    renderScreen();
    await timeline();
    const field = screen.getByRole('combobox', { name: 'Publisher' });
    await userEvent.type(field, 'nobody');
    expect(
      await screen.findByText('No publishes match these filters.', {}, { timeout: 10_000 }),
    ).toBeTruthy();
    await userEvent.clear(field);
    await userEvent.type(field, 'rev');
    // (The dropdown's opening transition leaves it display: none under happy-dom.)
    expect(await screen.findByRole('option', { name: 'reviewer@example.com', hidden: true })).toBeTruthy();
  });
});
