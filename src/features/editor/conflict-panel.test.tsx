// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { ConflictPanel } from './conflict-panel';
import { corporaModel, type CorporaForm } from './model/corpora-model';
import { instructionsModel, toInstructionsForm, type InstructionsForm } from './model/instructions-model';

afterEach(cleanup);

const form = (...items: [number, string][]): InstructionsForm =>
  toInstructionsForm(items.map(([id, instruction]) => ({ id, instruction })));

const describe_ = (values: InstructionsForm) => instructionsModel.describe(values, undefined);

function renderPanel(base: InstructionsForm, mine: InstructionsForm, theirs: InstructionsForm) {
  render(
    <MantineProvider>
      <ConflictPanel
        conflict={{ revision: 9, by: 'editor2@example.com', on: '2026-11-30T06:00:00Z', theirs }}
        base={base}
        mine={mine}
        describe={describe_}
        merge={instructionsModel.merge}
        onKeepMine={() => undefined}
        onTakeTheirs={() => undefined}
        busy={false}
      />
    </MantineProvider>,
  );
  return screen.getByRole('table', { name: 'Their version and yours' });
}

/** Each cell's text, less the column heading it repeats for phones (hidden from screen readers). */
const cells = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((c) => {
      const copy = c.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('[aria-hidden="true"]').forEach((e) => e.remove());
      return copy.textContent;
    });

describe('ConflictPanel', () => {
  it('lets its body shrink to a phone’s width, so the table scrolls inside instead of cutting the panel off', () => {
    const base = form([1, 'Greet.']);
    renderPanel(base, form([1, 'Greet me.']), form([1, 'Greet warmly.']));
    // The alert's body is a flex item: without a min-width of 0 it grows to the table's 560px and
    // the panel, which clips what overflows it, cuts off its heading, sentence and buttons.
    const body = screen.getByRole('alert').querySelector<HTMLElement>('.mantine-Alert-body')!;
    expect(body.style.minWidth).toMatch(/^0(px)?$/);
  });

  it('names theirs and yours inside each field’s cells, which a phone shows as cards', () => {
    const base = form([1, 'Greet.']);
    const table = renderPanel(base, form([1, 'Greet me.']), form([1, 'Greet warmly.']));
    const [, theirs, yours] = within(within(table).getAllByRole('rowgroup')[1]!).getAllByRole('cell');
    expect(within(theirs!).getByText('Theirs (in staging now)').getAttribute('aria-hidden')).toBe('true');
    expect(within(yours!).getByText('Yours (saved by “Keep mine”)').getAttribute('aria-hidden')).toBe('true');
  });

  it('shows as yours the order “Keep mine” saves, with their additions where it puts them', () => {
    const base = form([1, 'Greet.'], [2, 'Cite sources.'], [3, 'Be brief.']);
    // I moved the last one up; they added one at the end.
    const mine = form([3, 'Be brief.'], [1, 'Greet.'], [2, 'Cite sources.']);
    const theirs = form([1, 'Greet.'], [2, 'Cite sources.'], [3, 'Be brief.'], [4, 'Escalate refunds.']);
    const table = renderPanel(base, mine, theirs);
    const order = within(table).getByRole('row', { name: /Order/ });
    const saved = instructionsModel.merge(base, mine, theirs).items.map((i) => i.instruction);
    expect(saved).toEqual(['Be brief.', 'Greet.', 'Cite sources.', 'Escalate refunds.']);
    expect(cells(order)[2]).toBe('1. Be brief.\n2. Greet.\n3. Cite sources.\n4. Escalate refunds.');
    expect(
      screen.getByText(/^They also added Instruction 4\. You did not touch it, so staging keeps theirs/),
    ).toBeTruthy();
  });

  it('says which instruction the user deleted, with its text', () => {
    const base = form([1, 'Greet.'], [2, 'Cite sources.']);
    const mine = form([1, 'Greet.']);
    const theirs = form([1, 'Greet warmly.'], [2, 'Cite sources.']);
    const table = renderPanel(base, mine, theirs);
    const deleted = within(table).getByText('You deleted it').closest('tr')!;
    expect(cells(deleted)[1]).toBe('Unchanged by them');
    expect(within(deleted).getByText('Cite sources.')).toBeTruthy();
  });

  it('names an instruction the user deleted by the place they found it in, not where they moved it', () => {
    const base = form([1, 'Greet.'], [2, 'Cite sources.'], [3, 'Be brief.']);
    // I edited the first and deleted the second; they edited the second and moved it to the top.
    const mine = form([1, 'Greet me.'], [3, 'Be brief.']);
    const theirs = form([2, 'Cite every source.'], [1, 'Greet warmly.'], [3, 'Be brief.']);
    const table = renderPanel(base, mine, theirs);
    const deleted = within(table).getByText('You deleted it').closest('tr')!;
    expect(cells(deleted)[0]).toBe('Instruction 2Both changed');
    const edited = within(table).getByText('Greet me.').closest('tr')!;
    expect(cells(edited)[0]).toBe('Instruction 1Both changed');
  });

  it('puts in the table what they changed that “Keep mine” does not keep, with what it saves', () => {
    const corpora = (defaultId: string): CorporaForm => ({
      connections: Object.fromEntries(
        ['1', '2', '3'].map((id) => [id, { is_enabled: true, is_default: id === defaultId }]),
      ),
    });
    const ctx = { corpora: [], connectedNames: new Map<number, string>() };
    render(
      <MantineProvider>
        <ConflictPanel
          conflict={{
            revision: 9,
            by: 'editor2@example.com',
            on: '2026-11-30T06:00:00Z',
            theirs: corpora('3'),
          }}
          base={corpora('1')}
          mine={corpora('2')}
          describe={(values) => corporaModel.describe(values, ctx)}
          merge={(base, mine, theirs) => corporaModel.merge(base, mine, theirs)}
          onKeepMine={() => undefined}
          onTakeTheirs={() => undefined}
          busy={false}
        />
      </MantineProvider>,
    );
    // They made source 3 the default, I made source 2: only one can be, and mine is kept.
    const row = within(screen.getByRole('table')).getByRole('row', { name: /Knowledge source 3/ });
    expect(cells(row)).toEqual([
      'Knowledge source “Knowledge source 3”',
      'Connected (enabled, default)',
      'Connected (enabled)',
    ]);
    expect(screen.queryByText(/^They also/)).toBeNull();
  });
});
