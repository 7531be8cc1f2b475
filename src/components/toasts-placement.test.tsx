// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { ToastContainer, showToast } from './toasts';

afterEach(cleanup);

describe('toasts with the notifications’ code', () => {
  it('at the bottom, off the top right, where "New agent", "More actions" and the header’s menus are', async () => {
    render(
      <MantineProvider>
        <ToastContainer />
      </MantineProvider>,
    );
    act(() => showToast({ message: '“Claims Explainer” was deleted.' }));
    const toast = await screen.findByText('“Claims Explainer” was deleted.');
    const stack = toast.closest('[data-position]');
    expect(stack?.getAttribute('data-position')).toMatch(/^bottom-/);
  });

  it('name their close button, which is an icon alone', async () => {
    render(
      <MantineProvider>
        <ToastContainer />
      </MantineProvider>,
    );
    act(() => showToast({ message: '“Claims Explainer” was created.' }));
    const toast = (await screen.findByText('“Claims Explainer” was created.')).closest<HTMLElement>(
      '[role="alert"]',
    )!;
    expect(within(toast).getByRole('button', { name: 'Close' })).toBeTruthy();
  });
});
