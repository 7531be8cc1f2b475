// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MantineProvider } from '@mantine/core';

// The notifications' code cannot be fetched (the server is down when the first toast is due).
vi.mock('@mantine/notifications', () => {
  throw new TypeError('Failed to fetch dynamically imported module: /assets/esm.js');
});

afterEach(cleanup);

describe('toasts when their code cannot load', () => {
  it('are still shown, and the page stays', async () => {
    const { ToastContainer, showToast } = await import('./toasts');
    const user = userEvent.setup();
    render(
      <MantineProvider>
        <p>What the person typed</p>
        <ToastContainer />
      </MantineProvider>,
    );
    act(() => showToast({ id: 'net', message: 'The server could not be reached.', color: 'red' }));
    const status = await screen.findByRole('status');
    expect(within(status).getByText('The server could not be reached.')).toBeTruthy();
    expect(screen.getByText('What the person typed')).toBeTruthy();

    // The same id replaces the toast; another one stacks; Close takes one away.
    act(() => showToast({ id: 'net', message: 'Still no answer from the server.' }));
    act(() => showToast({ message: 'Saved to staging.' }));
    await vi.waitFor(() => expect(within(status).queryByText('The server could not be reached.')).toBeNull());
    expect(within(status).getByText('Still no answer from the server.')).toBeTruthy();
    await user.click(within(status).getAllByRole('button', { name: 'Close' })[0]!);
    expect(within(status).queryByText('Still no answer from the server.')).toBeNull();
    expect(within(status).getByText('Saved to staging.')).toBeTruthy();
    expect(screen.getByText('What the person typed')).toBeTruthy();
  });

  it('stay open while pointed at, also when shown again with their id', async () => {
    const { ToastContainer, showToast } = await import('./toasts');
    vi.useFakeTimers();
    try {
      render(
        <MantineProvider>
          <ToastContainer />
        </MantineProvider>,
      );
      act(() => showToast({ id: 'refresh', message: 'Could not refresh.' }));
      const toast = screen.getByText('Could not refresh.').parentElement!;
      fireEvent.mouseEnter(toast);
      act(() => {
        vi.advanceTimersByTime(7_000);
      });
      act(() => showToast({ id: 'refresh', message: 'Could not refresh, again.' }));
      act(() => {
        vi.advanceTimersByTime(7_000);
      });
      // The same element, under the pointer, with the new words: still open.
      expect(screen.getByText('Could not refresh, again.').parentElement).toBe(toast);
      fireEvent.mouseLeave(toast);
      act(() => {
        vi.advanceTimersByTime(5_000);
      });
      expect(screen.queryByText('Could not refresh, again.')).not.toBeNull();
      act(() => {
        vi.advanceTimersByTime(1_500);
      });
      expect(screen.queryByText('Could not refresh, again.')).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('sit above the page and its header, under dialogs', async () => {
    const { getDefaultZIndex } = await import('@mantine/core');
    const { ToastContainer, showToast, TOAST_Z_INDEX } = await import('./toasts');
    render(
      <MantineProvider>
        <ToastContainer />
      </MantineProvider>,
    );
    act(() => showToast({ message: 'Saved, with a dialog open.' }));
    const stack = await screen.findByRole('status');
    expect(Number(stack.style.zIndex)).toBe(TOAST_Z_INDEX);
    expect(TOAST_Z_INDEX).toBeGreaterThan(getDefaultZIndex('app'));
    expect(TOAST_Z_INDEX).toBeLessThan(getDefaultZIndex('modal'));
  });
});
