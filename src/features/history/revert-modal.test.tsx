// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { toPublishRecord } from '@/api/adapter';
import { agentQueries } from '@/api/agents/queries';
import {
  AGENT,
  agentWire,
  diffWire,
  fail,
  newQueryClient,
  ok,
  iterationsSection,
  recordWire,
  renderAt,
  stubApi,
} from './history-test-kit';
import type { DiffSection } from '@contract';
import { RevertModal } from './revert-modal';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const record = toPublishRecord(recordWire(1));
const PREVIEW = `/api/v2/agents/${AGENT}/publishes/101/diff`;
const ROLLBACK = `/api/v2/agents/${AGENT}/rollback`;
const DETAIL = `/api/v2/agents/${AGENT}`;

function preview(staging: boolean, production: boolean, discards = false) {
  return {
    change_track_id: 101,
    version: 1,
    staging: diffWire(staging ? [iterationsSection(9, 4)] : []),
    production: diffWire(production ? [iterationsSection(7, 4)] : []),
    discards_unpublished_changes: discards,
  };
}

function renderModal(canRollback: boolean, r = record) {
  const queryClient = newQueryClient();
  // Known, as the History tab's `canRollback` comes from them.
  queryClient.setQueryData(
    agentQueries.permissions(AGENT).queryKey,
    canRollback ? ['view', 'edit', 'publish', 'rollback'] : ['view'],
  );
  const { view, router } = renderAt(
    <RevertModal agentId={AGENT} record={r} opened onClose={() => undefined} canRollback={canRollback} />,
    queryClient,
  );
  render(view);
  return { queryClient, router };
}

const ME = `/api/v2/users/me`;
const me = () =>
  ok({
    id: 1,
    email: 'admin@example.com',
    first_name: 'Ada',
    last_name: 'Admin',
    name: 'Ada Admin',
    is_staff: true,
    is_superuser: false,
  });
const lost = (): never => {
  throw new TypeError('Failed to fetch');
};
const rolledBack = (by: string) => ({
  staging_revision: 13,
  staging_rolled_back_to: { change_track_id: 101, version: 1, by, on: '2026-11-28T21:00:00.000000Z' },
});

const confirmButton = () => screen.getByRole('button', { name: 'Revert staging to version 1' });

describe('RevertModal', () => {
  it('shows what would change in staging and, once published, in production', async () => {
    stubApi({ [`GET ${PREVIEW}`]: () => ok(preview(true, true)), [`GET ${DETAIL}`]: () => ok(agentWire()) });
    renderModal(true);
    const staging = await screen.findByRole('region', { name: 'What changes in staging' });
    expect(within(staging).getByText('ReAct max iterations')).toBeTruthy();
    expect(within(staging).getAllByText(/Staging after the revert \(version 1\)/).length).toBeGreaterThan(0);
    const production = screen.getByRole('region', {
      name: 'What changes in production once staging is published',
    });
    expect(within(production).getAllByText(/Live after publishing \(version 1\)/).length).toBeGreaterThan(0);
    expect(screen.getByText(/Production stays as it is until staging is published/)).toBeTruthy();
    expect(screen.queryByText(/overwrites unpublished changes/)).toBeNull();
  });

  it("names each section's region after the diff it is in, so no two regions share a name", async () => {
    stubApi({ [`GET ${PREVIEW}`]: () => ok(preview(true, true)), [`GET ${DETAIL}`]: () => ok(agentWire()) });
    renderModal(true);
    const dialog = await screen.findByRole('dialog', { name: 'Revert to version 1?' });
    await within(dialog).findByRole('region', { name: 'What changes in staging' });
    const names = within(dialog)
      .getAllByRole('region')
      .map((region) => region.getAttribute('aria-label') ?? region.textContent?.slice(0, 40));
    expect(names.filter((name) => name?.endsWith(', in staging')).length).toBeGreaterThan(0);
    expect(names.filter((name) => name?.endsWith(', in production once published')).length).toBeGreaterThan(
      0,
    );
    expect(new Set(names).size).toBe(names.length);
  });

  it('adds no second banner landmark to the page, and keeps its title and close button', async () => {
    stubApi({ [`GET ${PREVIEW}`]: () => ok(preview(true, true)), [`GET ${DETAIL}`]: () => ok(agentWire()) });
    renderModal(true);
    const dialog = await screen.findByRole('dialog', { name: 'Revert to version 1?' });
    expect(within(dialog).queryAllByRole('banner')).toEqual([]);
    expect(dialog.querySelector('header:not([role="none"])')).toBeNull();
    expect(within(dialog).getByRole('button', { name: 'Close' })).toBeTruthy();
  });

  it('says there is nothing to revert when the version is live and staging equals it', async () => {
    stubApi({
      [`GET ${PREVIEW}`]: () => ok(preview(false, false)),
      [`GET ${DETAIL}`]: () => ok(agentWire()),
    });
    renderModal(true, { ...record, isLive: true });
    expect(
      await screen.findByText('Version 1 is what is live and staging equals it: nothing to revert.'),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Revert staging/ })).toBeNull();
  });

  it('lists the unpublished staging edits a revert would overwrite, and only those', async () => {
    const instruction = {
      path: 'instructions/5',
      label: 'Instruction 2',
      change: 'added' as const,
      before: null,
      after: { id: 5, instruction: 'Be brief' },
    };
    const instructionsSection = (c: DiffSection['changes'][number]): DiffSection => ({
      key: 'instructions',
      title: 'Instructions',
      changes: [c],
    });
    stubApi({
      // The revert takes the instruction out again, and changes the iterations.
      [`GET ${PREVIEW}`]: () =>
        ok({
          ...preview(true, true, true),
          staging: diffWire([
            iterationsSection(9, 4),
            instructionsSection({
              ...instruction,
              change: 'removed',
              before: instruction.after,
              after: null,
            }),
          ]),
        }),
      [`GET ${DETAIL}`]: () => ok(agentWire()),
      // Staging beyond production: the instruction, and a sample question the chosen version has too.
      [`GET /api/v2/agents/${AGENT}/staging-diff`]: () =>
        ok({
          ...diffWire([
            {
              key: 'agent_settings',
              title: 'Agent settings',
              changes: [
                {
                  path: 'sample_q1',
                  label: 'Sample question 1',
                  change: 'modified',
                  before: 'Old',
                  after: 'Kept',
                  modified_by: 'editor2@example.com',
                },
              ],
            },
            instructionsSection({ ...instruction, modified_by: 'editor@example.com' }),
          ]),
          agent_id: AGENT,
          staging_fingerprint: 'fp',
          live_change_track_id: 103,
        }),
    });
    renderModal(true);
    expect(await screen.findByText('Reverting overwrites unpublished changes in staging')).toBeTruthy();
    const warning = await screen.findByRole('list');
    expect(await within(warning).findByText(/Instructions: Instruction 2/)).toBeTruthy();
    expect(within(warning).getByText(/by editor@example.com/)).toBeTruthy();
    expect(within(warning).getAllByRole('listitem')).toHaveLength(1);
  });

  it('says nothing about unpublished edits when the chosen version holds every one of them', async () => {
    stubApi({
      [`GET ${PREVIEW}`]: () => ok(preview(true, true, true)),
      [`GET ${DETAIL}`]: () => ok(agentWire()),
      [`GET /api/v2/agents/${AGENT}/staging-diff`]: () =>
        ok({
          ...diffWire([
            {
              key: 'agent_settings',
              title: 'Agent settings',
              changes: [
                {
                  path: 'sample_q1',
                  label: 'Sample question 1',
                  change: 'modified',
                  before: 'Old',
                  after: 'Kept',
                },
              ],
            },
          ]),
          agent_id: AGENT,
          staging_fingerprint: 'fp',
          live_change_track_id: 103,
        }),
    });
    const { queryClient } = renderModal(true);
    await screen.findByRole('region', { name: 'What changes in staging' });
    await waitFor(() =>
      expect(queryClient.getQueryState(agentQueries.stagingDiff(AGENT).queryKey)?.status).toBe('success'),
    );
    expect(screen.queryByText('Reverting overwrites unpublished changes in staging')).toBeNull();
  });

  it('lets someone without rollback permission see the preview, offers no revert, and says why', async () => {
    stubApi({ [`GET ${PREVIEW}`]: () => ok(preview(true, true)), [`GET ${DETAIL}`]: () => ok(agentWire()) });
    renderModal(false);
    expect(screen.getByRole('dialog', { name: 'What reverting to version 1 would change' })).toBeTruthy();
    await screen.findByRole('region', { name: 'What changes in staging' });
    expect(screen.queryByRole('button', { name: /Revert staging/ })).toBeNull();
    expect(screen.getAllByRole('button', { name: 'Close' })).toHaveLength(2);
    expect(screen.getByText(/only people with the rollback permission can revert/)).toBeTruthy();
  });

  it('lets its footer wrap, so on a phone the confirm button stays inside the dialog', async () => {
    stubApi({ [`GET ${PREVIEW}`]: () => ok(preview(true, true)), [`GET ${DETAIL}`]: () => ok(agentWire()) });
    renderModal(true);
    await screen.findByRole('region', { name: 'What changes in staging' });
    const note = screen.getByText('Production is not touched until someone publishes staging.');
    // happy-dom lays nothing out; what decides it is that no row between the note and the button
    // refuses to wrap (the Publish dialog's footer wraps the same way).
    const rows: HTMLElement[] = [];
    for (let el = confirmButton().parentElement; el; el = el.parentElement) {
      rows.push(el);
      if (el.contains(note)) break;
    }
    const wraps = rows.map((el) => el.style.getPropertyValue('--group-wrap')).filter(Boolean);
    expect(wraps).toEqual(['wrap', 'wrap']);
  });

  it('rolls back with the staging revision, refreshes the agent and points to Review changes', async () => {
    let detailVersion = 12;
    const api = stubApi({
      [`GET ${PREVIEW}`]: () => ok(preview(true, true)),
      [`GET ${DETAIL}`]: () => ok(agentWire({ staging_revision: detailVersion })),
      [`PUT ${ROLLBACK}`]: () => {
        detailVersion = 13;
        return ok(agentWire({ staging_revision: 13 }));
      },
    });
    const { queryClient, router } = renderModal(true);
    expect(screen.getByRole('dialog', { name: 'Revert to version 1?' })).toBeTruthy();
    await waitFor(() => expect(confirmButton()).toHaveProperty('disabled', false));
    const detailFetches = api.count('GET', DETAIL);
    await userEvent.click(confirmButton());

    expect(await screen.findByText('Staging now holds version 1')).toBeTruthy();
    // The confirm button is gone: the outcome takes the focus, so it is read out.
    await waitFor(() => {
      const focused = document.activeElement;
      expect(focused).not.toBe(document.body);
      expect(focused?.textContent).toContain('Staging now holds version 1');
    });
    // The question is answered: the title says what happened.
    expect(screen.getByRole('dialog', { name: 'Staging reverted to version 1' })).toBeTruthy();
    expect(screen.getByText(/Production is unchanged until staging is published/)).toBeTruthy();
    const put = api.calls.find((c) => c.method === 'PUT');
    expect(put?.body).toEqual({ change_track_id: 101 });
    expect(put?.headers['If-Match']).toBe('"12"');
    // The rolled-back banner reads the agent's detail: it was fetched again before the success showed.
    expect(api.count('GET', DETAIL)).toBeGreaterThan(detailFetches);
    expect(queryClient.getQueryData(agentQueries.detail(AGENT).queryKey)?.stagingRevision).toBe(13);

    await userEvent.click(screen.getByRole('link', { name: 'Review changes' }));
    expect(router.state.location.pathname).toBe(`/agents/${AGENT}/review`);
  });

  it('cannot be closed while the revert runs, so its outcome is shown', async () => {
    let answer: (response: Response) => void = () => undefined;
    stubApi({
      [`GET ${PREVIEW}`]: () => ok(preview(true, true)),
      [`GET ${DETAIL}`]: () => ok(agentWire()),
      [`PUT ${ROLLBACK}`]: () => new Promise<Response>((resolve) => (answer = resolve)),
    });
    const onClose = vi.fn();
    const { view } = renderAt(
      <RevertModal agentId={AGENT} record={record} opened onClose={onClose} canRollback />,
      newQueryClient(),
    );
    render(view);
    await waitFor(() => expect(confirmButton()).toHaveProperty('disabled', false));
    const user = userEvent.setup();
    await user.click(confirmButton());
    await waitFor(() => expect(confirmButton().getAttribute('data-loading')).toBe('true'));

    await user.keyboard('{Escape}');
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveProperty('disabled', true);
    expect(screen.queryByRole('button', { name: /close/i })).toBeNull();
    expect(onClose).not.toHaveBeenCalled();

    answer(fail(500, 'INTERNAL_ERROR', 'The sandbox fell over.'));
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /The sandbox fell over\. Nothing was changed\./,
    );
    // Done: now it closes, and the next opening starts without this failure.
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('shows a failed rollback inside the modal and changes nothing', async () => {
    const api = stubApi({
      [`GET ${PREVIEW}`]: () => ok(preview(true, true)),
      [`GET ${DETAIL}`]: () => ok(agentWire()),
      [`PUT ${ROLLBACK}`]: () => fail(500, 'INTERNAL_ERROR', 'The sandbox fell over.'),
    });
    renderModal(true);
    await waitFor(() => expect(confirmButton()).toHaveProperty('disabled', false));
    const detailFetches = api.count('GET', DETAIL);
    await userEvent.click(confirmButton());
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/The revert failed/);
    expect(alert.textContent).toMatch(/The sandbox fell over\. Nothing was changed\./);
    // The preview stays, and nothing was refetched.
    expect(screen.getByRole('region', { name: 'What changes in staging' })).toBeTruthy();
    expect(api.count('GET', DETAIL)).toBe(detailFetches);
  });

  it('ends the server’s refusal as a sentence before saying nothing was changed', async () => {
    // A tab that still offers the revert to someone whose role no longer has it: the server's
    // own words, which end without a full stop.
    stubApi({
      [`GET ${PREVIEW}`]: () => ok(preview(true, true)),
      [`GET ${DETAIL}`]: () => ok(agentWire()),
      [`PUT ${ROLLBACK}`]: () => fail(403, 'FORBIDDEN', 'Your role cannot roll back agents'),
    });
    renderModal(true);
    await waitFor(() => expect(confirmButton()).toHaveProperty('disabled', false));
    await userEvent.click(confirmButton());
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/Your role cannot roll back agents\. Nothing was changed\.$/);
  });

  it('reverting to what is live only discards staging’s edits, and says there is nothing to publish', async () => {
    let reverted = false;
    const api = stubApi({
      [`GET ${PREVIEW}`]: () => ok(preview(true, false, true)),
      [`GET ${DETAIL}`]: () =>
        ok(
          agentWire(
            reverted ? { staging_revision: 13, has_unpublished_changes: false } : { staging_revision: 12 },
          ),
        ),
      [`PUT ${ROLLBACK}`]: () => {
        reverted = true;
        return ok(agentWire({ staging_revision: 13, has_unpublished_changes: false }));
      },
    });
    renderModal(true, toPublishRecord({ ...recordWire(1), is_live: true }));
    await waitFor(() => expect(confirmButton()).toHaveProperty('disabled', false));
    await userEvent.click(confirmButton());
    expect(await screen.findByText('Staging matches production again')).toBeTruthy();
    expect(screen.getByText(/Production is unchanged, and there is nothing to publish/)).toBeTruthy();
    expect(screen.queryByText('Staging now holds version 1')).toBeNull();
    expect(screen.queryByRole('link', { name: 'Review changes' })).toBeNull();
    expect(api.count('PUT', ROLLBACK)).toBe(1);
  });

  it('after a revert the preview took for a discard, says what is left to publish when someone published meanwhile', async () => {
    // The preview was read while the version was live; someone published staging's edits since,
    // so the revert leaves staging different from production.
    let reverted = false;
    stubApi({
      [`GET ${PREVIEW}`]: () => ok(preview(true, false, true)),
      [`GET ${DETAIL}`]: () => ok(agentWire({ staging_revision: reverted ? 13 : 12 })),
      [`PUT ${ROLLBACK}`]: () => {
        reverted = true;
        return ok(agentWire({ staging_revision: 13 }));
      },
    });
    renderModal(true, toPublishRecord({ ...recordWire(1), is_live: true }));
    await waitFor(() => expect(confirmButton()).toHaveProperty('disabled', false));
    await userEvent.click(confirmButton());
    expect(await screen.findByText('Staging now holds version 1')).toBeTruthy();
    expect(screen.queryByText('Staging matches production again')).toBeNull();
    expect(screen.getByRole('link', { name: 'Review changes' })).toBeTruthy();
  });

  /** Confirms a revert whose answer is lost, after which staging reads as `after`. */
  async function confirmLostRevert(
    before: Record<string, unknown>,
    after: Record<string, unknown>,
    previewed = preview(true, true),
  ) {
    let sent = false;
    const api = stubApi({
      [`GET ${PREVIEW}`]: () => ok(previewed),
      [`GET ${DETAIL}`]: () => ok(agentWire(sent ? after : before)),
      [`GET ${ME}`]: me,
      [`PUT ${ROLLBACK}`]: () => {
        sent = true;
        return lost();
      },
    });
    renderModal(true);
    await waitFor(() => expect(confirmButton()).toHaveProperty('disabled', false));
    await userEvent.click(confirmButton());
    return api;
  }

  it('when the answer is lost but staging shows this user’s revert, reports it done', async () => {
    const api = await confirmLostRevert({ staging_revision: 12 }, rolledBack('admin@example.com'));
    expect(await screen.findByText('Staging now holds version 1')).toBeTruthy();
    expect(api.count('PUT', ROLLBACK)).toBe(1);
  });

  it('when the answer to a revert that only discards is lost, and staging now equals production, reports it done', async () => {
    await confirmLostRevert(
      { staging_revision: 12 },
      { staging_revision: 13, has_unpublished_changes: false },
      preview(true, false, true),
    );
    expect(await screen.findByText('Staging matches production again')).toBeTruthy();
  });

  it('when the answer to a revert that only discards is lost, and staging still differs, says it does not show the revert', async () => {
    await confirmLostRevert({ staging_revision: 12 }, { staging_revision: 13 }, preview(true, false, true));
    const alert = await screen.findByRole('alert', { name: 'The revert failed' });
    expect(alert.textContent).toMatch(/staging, read again, does not show this revert/);
  });

  it.each([
    ['staging is as it was', {}, { staging_revision: 12 }],
    ['someone else reverted it', {}, rolledBack('editor@example.com')],
    // An older revert to the same publish: edits since (12, then 13) leave its marker in place.
    [
      'staging only shows an older revert to the same publish',
      { staging_rolled_back_to: rolledBack('admin@example.com').staging_rolled_back_to },
      {
        staging_revision: 13,
        staging_rolled_back_to: rolledBack('admin@example.com').staging_rolled_back_to,
      },
    ],
  ])('when the answer is lost and %s, says staging does not show the revert', async (_, before, after) => {
    await confirmLostRevert({ staging_revision: 12, ...before }, after);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/could not be reached.*staging, read again, does not show this revert/);
    expect(screen.queryByText('Staging now holds version 1')).toBeNull();
  });

  it('when the answer is lost and staging cannot be read either, says the revert could not be confirmed and keeps the preview', async () => {
    let down = false;
    const api = stubApi({
      [`GET ${PREVIEW}`]: () => (down ? lost() : ok(preview(true, true))),
      [`GET ${DETAIL}`]: () => (down ? lost() : ok(agentWire({ staging_revision: 12 }))),
      [`GET ${ME}`]: me,
      [`PUT ${ROLLBACK}`]: () => {
        // The server goes down with the revert.
        down = true;
        return lost();
      },
    });
    renderModal(true);
    await waitFor(() => expect(confirmButton()).toHaveProperty('disabled', false));
    await userEvent.click(confirmButton());
    const alert = await screen.findByRole('alert', { name: 'The revert could not be confirmed' });
    expect(alert.textContent).toMatch(
      /could not be reached.*staging could not be read either, so whether the revert went through is not known/,
    );
    expect(alert.textContent).not.toMatch(/does not show this revert|Nothing was changed/);
    expect(screen.getByRole('region', { name: 'What changes in staging' })).toBeTruthy();
    expect(screen.queryByText('The preview could not be loaded')).toBeNull();

    // Back up: reading staging again shows it as it is.
    down = false;
    const previews = api.count('GET', PREVIEW);
    await userEvent.click(screen.getByRole('button', { name: 'Read staging again' }));
    await waitFor(() => expect(api.count('GET', PREVIEW)).toBe(previews + 1));
    expect(screen.getByRole('region', { name: 'What changes in staging' })).toBeTruthy();
    await waitFor(() =>
      expect(screen.getByRole('alert', { name: 'The revert could not be confirmed' }).textContent).toMatch(
        /The preview now shows staging as it is/,
      ),
    );
    expect(screen.queryByRole('button', { name: 'Read staging again' })).toBeNull();
  });

  it('keeps the preview, with the revert’s own failure, when reading it again after a refused revert fails', async () => {
    let down = false;
    stubApi({
      [`GET ${PREVIEW}`]: () =>
        down ? fail(500, 'INTERNAL_ERROR', 'The sandbox fell over.') : ok(preview(true, true)),
      [`GET ${DETAIL}`]: () => ok(agentWire()),
      [`PUT ${ROLLBACK}`]: () => {
        down = true;
        return fail(412, 'PRECONDITION_FAILED', 'Staging changed.');
      },
    });
    renderModal(true);
    await waitFor(() => expect(confirmButton()).toHaveProperty('disabled', false));
    await userEvent.click(confirmButton());
    await screen.findByText(/The preview could not be read again: The sandbox fell over\./);
    const alert = screen.getByRole('alert', { name: 'The revert failed' });
    expect(alert.textContent).toMatch(
      /Staging changed while you were looking at this preview, so nothing was reverted/,
    );
    expect(alert.textContent).not.toMatch(/The preview now shows staging as it is/);
    expect(screen.getByRole('region', { name: 'What changes in staging' })).toBeTruthy();
    expect(screen.queryByText('The preview could not be loaded')).toBeNull();

    down = false;
    await userEvent.click(screen.getByRole('button', { name: 'Read staging again' }));
    await waitFor(() => expect(screen.queryByText(/The preview could not be read again/)).toBeNull());
    expect(screen.getByRole('alert', { name: 'The revert failed' }).textContent).toMatch(
      /The preview now shows staging as it is/,
    );
  });

  it('refuses to overwrite a staging edited after the preview was shown, and lists the new edit', async () => {
    const edit = (path: string, label: string, by: string) => ({
      path,
      label,
      change: 'modified' as const,
      before: 'old',
      after: 'new',
      modified_by: by,
    });
    let edits = [edit('domain', 'Description', 'editor@example.com')];
    stubApi({
      // The revert takes every edit back.
      [`GET ${PREVIEW}`]: () =>
        ok({
          ...preview(true, true, true),
          staging: diffWire([
            {
              key: 'agent_settings',
              title: 'Agent settings',
              changes: edits.map((e) => ({ ...e, before: e.after, after: e.before })),
            },
          ]),
        }),
      [`GET ${DETAIL}`]: () => ok(agentWire()),
      [`GET /api/v2/agents/${AGENT}/staging-diff`]: () =>
        ok({
          ...diffWire([{ key: 'agent_settings', title: 'Agent settings', changes: edits }]),
          agent_id: AGENT,
          staging_fingerprint: `fp${edits.length}`,
          live_change_track_id: 103,
        }),
      [`PUT ${ROLLBACK}`]: () => fail(412, 'PRECONDITION_FAILED', 'Staging changed.'),
    });
    renderModal(true);
    await screen.findByText(/Agent settings: Description/);
    await waitFor(() => expect(confirmButton()).toHaveProperty('disabled', false));
    // Someone saves another edit while the preview is open.
    edits = [...edits, edit('sample_q1', 'Sample question 1', 'editor2@example.com')];
    await userEvent.click(confirmButton());
    expect((await screen.findByRole('alert', { name: 'The revert failed' })).textContent).toMatch(
      /Staging changed while you were looking at this preview/,
    );
    expect(await screen.findByText(/Agent settings: Sample question 1/)).toBeTruthy();
  });
});
