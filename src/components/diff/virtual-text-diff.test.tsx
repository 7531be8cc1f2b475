// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { TextDiff } from './text-diff';
import { DIFF_VIEW_MODE_KEY } from './use-diff-view-mode';

afterEach(cleanup);
beforeEach(() => window.localStorage.clear());

/** 1,000 numbered rules: long enough that TextDiff hands them to VirtualTextDiff. */
const rules = Array.from({ length: 1_000 }, (_, i) => `Rule ${i + 1}: answer from the sources.`);
const before = rules.join('\n');
const after = rules
  .map((line, i) => (i === 19 ? 'Rule 20: answer from the sources, and name them.' : line))
  .filter((_, i) => i !== 39)
  .join('\n');

/** Rendered inside an awaited act: the viewer suspends until the diff is computed. */
async function renderLongDiff() {
  await act(async () => {
    render(
      <MantineProvider>
        <TextDiff
          before={before}
          after={after}
          beforeLabel="Production (live)"
          afterLabel="Staging"
          deferUntilVisible={false}
        />
      </MantineProvider>,
    );
    await Promise.resolve();
  });
}

const changedLines = (side: 'added' | 'removed') =>
  [...document.querySelectorAll(`[data-diff-line="${side}"]`)].map((el) => el.textContent);

describe('TextDiff of a long text', () => {
  it('shows the changed lines with their context and folds the unchanged stretches', async () => {
    await renderLongDiff();
    expect(await screen.findByText('2 lines removed · 1 line added', {}, { timeout: 10_000 })).toBeTruthy();
    expect(changedLines('removed')).toEqual([
      'Rule 20: answer from the sources.',
      'Rule 40: answer from the sources.',
    ]);
    expect(changedLines('added')).toEqual(['Rule 20: answer from the sources, and name them.']);
    expect(screen.getByRole('button', { name: 'Expand 16 unchanged lines' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Expand 957 unchanged lines' })).toBeTruthy();
    // The unchanged rule between the two changes' context is folded away.
    expect(screen.queryByText('Rule 30: answer from the sources.')).toBeNull();
  });

  it('marks the changed words within a changed line', async () => {
    await renderLongDiff();
    await screen.findByText('2 lines removed · 1 line added', {}, { timeout: 10_000 });
    const marks = [...document.querySelectorAll('[data-diff-line="added"] mark')].map((m) => m.textContent);
    expect(marks).toEqual([', and name them']);
  });

  it('shows the hidden lines when a fold is expanded', async () => {
    await renderLongDiff();
    const fold = await screen.findByRole(
      'button',
      { name: 'Expand 13 unchanged lines' },
      { timeout: 10_000 },
    );
    await act(async () => {
      fold.click();
      await Promise.resolve();
    });
    expect(screen.queryByRole('button', { name: 'Expand 13 unchanged lines' })).toBeNull();
    expect(screen.getAllByText('Rule 30: answer from the sources.').length).toBeGreaterThan(0);
  });

  it('lists removed lines before added ones in one column in unified mode', async () => {
    window.localStorage.setItem(DIFF_VIEW_MODE_KEY, 'unified');
    await renderLongDiff();
    expect(await screen.findByText('Production (live) → Staging', {}, { timeout: 10_000 })).toBeTruthy();
    const order = [...document.querySelectorAll('[data-diff-line]')].map(
      (el) => `${el.getAttribute('data-diff-line')} ${el.textContent}`,
    );
    expect(order).toEqual([
      'removed Rule 20: answer from the sources.',
      'added Rule 20: answer from the sources, and name them.',
      'removed Rule 40: answer from the sources.',
    ]);
  });
});
