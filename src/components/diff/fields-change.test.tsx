// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { FieldsChange } from './fields-change';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const show = (before: unknown, after: unknown) =>
  render(
    <MantineProvider>
      <FieldsChange before={before} after={after} beforeLabel="Production" afterLabel="Staging" />
    </MantineProvider>,
  );

/** Every element observed is on screen at once: the text diffs mount without scrolling to them. */
class OnScreen {
  constructor(private readonly callback: IntersectionObserverCallback) {}
  observe(target: Element) {
    const entry = { isIntersecting: true, target } as IntersectionObserverEntry;
    this.callback([entry], this as unknown as IntersectionObserver);
  }
  unobserve() {}
  disconnect() {}
}

const rowTexts = () => screen.getAllByRole('row').map((row) => row.textContent);

describe('FieldsChange', () => {
  it('shows only the members that differ of an item changed, and counts the others', () => {
    const corpus = { corpus: { id: 1213, name: 'HR policies' }, is_enabled: true, is_default: false };
    show(corpus, { ...corpus, is_enabled: false });
    expect(rowTexts()).toEqual(['FieldProductionStaging', 'Is enabledOnOff']);
    expect(screen.getByText('2 other fields unchanged.')).toBeTruthy();
  });

  it('shows what an item added holds, in one column, by names and without ids', () => {
    show(null, {
      tool: { id: 5, name: 'Web search', type: 'search' },
      is_enabled: true,
      actions: [{ id: 9, name: 'Search', is_enabled: true, config: { top: 3 } }],
    });
    expect(rowTexts()).toEqual([
      'FieldOnly in Staging',
      'ActionsSearch (On)',
      'Is enabledOn',
      'ToolWeb search',
    ]);
    expect(document.body.textContent).not.toMatch(/"id"|1213|\b9\b/);
  });

  it('shows each action config of a tool added as JSON, since it goes live with the tool', async () => {
    vi.stubGlobal('IntersectionObserver', OnScreen);
    show(null, {
      tool: { id: 5, name: 'Jira', type: 'jira' },
      is_enabled: true,
      actions: [
        {
          id: 9,
          name: 'Create issue',
          is_enabled: true,
          config: { project_key: 'HELP', issue_type: 'Task', labels: ['ejento'] },
        },
        { id: 10, name: 'Search issues', is_enabled: true, config: { max_results: 10 } },
      ],
    });
    const create = screen.getByRole('group', { name: 'Action “Create issue” config' });
    expect(await within(create).findByText('Only in Staging', {}, { timeout: 10_000 })).toBeTruthy();
    await within(create).findByText(/"project_key": "HELP"/);
    expect(within(create).getByText(/"issue_type": "Task"/)).toBeTruthy();
    expect(within(create).getByText(/"ejento"/)).toBeTruthy();
    const search = screen.getByRole('group', { name: 'Action “Search issues” config' });
    expect(await within(search).findByText(/"max_results": 10/)).toBeTruthy();
  });

  it('shows each action config of a tool removed, under the side it was on', async () => {
    vi.stubGlobal('IntersectionObserver', OnScreen);
    show(
      {
        tool: { id: 5, name: 'Jira', type: 'jira' },
        is_enabled: true,
        actions: [{ id: 9, name: 'Create issue', is_enabled: true, config: { priority: 'Medium' } }],
      },
      null,
    );
    const create = screen.getByRole('group', { name: 'Action “Create issue” config' });
    expect(await within(create).findByText('Only in Production', {}, { timeout: 10_000 })).toBeTruthy();
    expect(await within(create).findByText(/"priority": "Medium"/)).toBeTruthy();
  });
});
