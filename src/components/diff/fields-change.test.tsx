// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { FieldsChange } from './fields-change';

afterEach(cleanup);

const show = (before: unknown, after: unknown) =>
  render(
    <MantineProvider>
      <FieldsChange before={before} after={after} beforeLabel="Production" afterLabel="Staging" />
    </MantineProvider>,
  );

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
});
