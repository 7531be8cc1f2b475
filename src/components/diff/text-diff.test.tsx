// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MantineProvider } from '@mantine/core';
import { TextDiff } from './text-diff';
import { DiffViewModeToggle } from './diff-view-mode-toggle';
import { DIFF_VIEW_MODE_KEY } from './use-diff-view-mode';

afterEach(cleanup);
beforeEach(() => window.localStorage.clear());

function renderDiff() {
  return render(
    <MantineProvider>
      <DiffViewModeToggle />
      <TextDiff
        before={'one\ntwo\nthree'}
        after={'one\ndeux\nthree'}
        beforeLabel="Production (live)"
        afterLabel="Staging"
        deferUntilVisible={false}
      />
    </MantineProvider>,
  );
}

describe('TextDiff', () => {
  it('shows both sides under their labels, side by side by default', async () => {
    renderDiff();
    expect(await screen.findByText('Production (live)', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByText('Staging')).toBeTruthy();
    expect(await screen.findByText('two')).toBeTruthy();
    expect(screen.getByText('deux')).toBeTruthy();
    expect(window.localStorage.getItem(DIFF_VIEW_MODE_KEY)).toBeNull();
  });

  it('switches to one column under a combined title and remembers the choice', async () => {
    renderDiff();
    await screen.findByText('Production (live)', {}, { timeout: 10_000 });
    await act(async () => {
      screen.getByRole('button', { name: 'Unified' }).click();
      await Promise.resolve();
    });
    expect(await screen.findByText('Production (live) → Staging')).toBeTruthy();
    expect(window.localStorage.getItem(DIFF_VIEW_MODE_KEY)).toBe('unified');
    expect(screen.getByRole('button', { name: 'Unified' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: 'Split' }).getAttribute('aria-pressed')).toBe('false');
  });

  it('starts in one column on a phone’s width, unless split was chosen', async () => {
    const matchMedia = window.matchMedia;
    const phone = (query: string) => {
      const list = matchMedia(query);
      Object.defineProperty(list, 'matches', { value: query.includes('max-width') });
      return list;
    };
    window.matchMedia = phone;
    try {
      renderDiff();
      expect(await screen.findByText('Production (live) → Staging', {}, { timeout: 10_000 })).toBeTruthy();
      // Nothing chosen, nothing stored: the same person on a desktop gets two columns there.
      expect(window.localStorage.getItem(DIFF_VIEW_MODE_KEY)).toBeNull();
      cleanup();
      window.localStorage.setItem(DIFF_VIEW_MODE_KEY, 'split');
      renderDiff();
      expect(await screen.findByText('Production (live)', {}, { timeout: 10_000 })).toBeTruthy();
      expect(screen.queryByText('Production (live) → Staging')).toBeNull();
    } finally {
      window.matchMedia = matchMedia;
    }
  });

  it('starts in the remembered layout', async () => {
    window.localStorage.setItem(DIFF_VIEW_MODE_KEY, 'unified');
    renderDiff();
    expect(await screen.findByText('Production (live) → Staging', {}, { timeout: 10_000 })).toBeTruthy();
  });
});

describe('TextDiff word highlights', () => {
  it('shows each side’s text exactly, spaces included', async () => {
    const { container } = render(
      <MantineProvider>
        <TextDiff
          before="Answers employees’ benefits questions."
          after="Answers employees’ questions about medical benefits for 2026."
          beforeLabel="Production (live)"
          afterLabel="Staging"
          mode="split"
          deferUntilVisible={false}
        />
      </MantineProvider>,
    );
    await screen.findByText('Production (live)', {}, { timeout: 10_000 });
    await screen.findAllByText('benefits', { exact: false });
    const text = container.textContent ?? '';
    expect(text).toContain('Answers employees’ benefits questions.');
    expect(text).not.toContain('questions .');
    expect(text).toContain('Answers employees’ questions about medical benefits for 2026.');
  });

  it('highlights the changed word in a paragraph longer than the plain viewer highlights words in', async () => {
    const paragraph = (word: string) =>
      `${'Explain the benefit in plain words and cite the policy section. '.repeat(8)}Write at an ${word}-grade reading level.`;
    expect(paragraph('eighth').length).toBeGreaterThan(500);
    const { container } = render(
      <MantineProvider>
        <TextDiff
          before={`Intro\n${paragraph('eighth')}\nEnd`}
          after={`Intro\n${paragraph('sixth')}\nEnd`}
          beforeLabel="Production (live)"
          afterLabel="Staging"
          mode="split"
          deferUntilVisible={false}
        />
      </MantineProvider>,
    );
    await screen.findByText('Production (live)', {}, { timeout: 10_000 });
    await vi.waitFor(() => expect(container.querySelectorAll('mark').length).toBeGreaterThan(0), {
      timeout: 10_000,
    });
    const marked = [...container.querySelectorAll('mark')].map((m) => m.textContent);
    expect(marked).toEqual(['eighth', 'sixth']);
  });
});

describe('TextDiff folds', () => {
  const lines = (last: string) =>
    [...Array.from({ length: 19 }, (_, i) => `Unchanged line ${i + 1}`), last].join('\n');
  const renderFolded = () =>
    render(
      <MantineProvider>
        <TextDiff
          before={lines('Last line before')}
          after={lines('Last line after')}
          beforeLabel="Production (live)"
          afterLabel="Staging"
          mode="split"
          deferUntilVisible={false}
        />
      </MantineProvider>,
    );

  it('offers each fold as one button, not a button inside another control', async () => {
    const user = userEvent.setup();
    const { container } = renderFolded();
    const expand = await screen.findByRole(
      'button',
      { name: 'Expand 16 unchanged lines' },
      { timeout: 10_000 },
    );
    // Nothing around it is a control or a tab stop of its own (axe: nested-interactive).
    expect(expand.parentElement?.closest('[role], [tabindex], button')).toBeNull();
    expect(container.querySelectorAll('[role="button"]')).toHaveLength(0);
    expect(screen.queryByText('Unchanged line 1')).toBeNull();
    expand.focus();
    await user.keyboard('{Enter}');
    expect(await screen.findAllByText('Unchanged line 1')).toHaveLength(2);
  });

  it('still expands a fold clicked anywhere on its row', async () => {
    const user = userEvent.setup();
    renderFolded();
    const expand = await screen.findByRole(
      'button',
      { name: 'Expand 16 unchanged lines' },
      { timeout: 10_000 },
    );
    await user.click(expand.closest('tr')!.querySelector('td')!);
    expect(await screen.findAllByText('Unchanged line 1')).toHaveLength(2);
  });
});
