// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MantineProvider } from '@mantine/core';
import { PageError } from './page-error';

afterEach(cleanup);

const tryAgain = () => screen.getByRole('button', { name: 'Try again' });
const busy = () => tryAgain().getAttribute('data-loading') === 'true';

describe('PageError', () => {
  it('stays busy while the retry it started is pending, and asks once', async () => {
    let settle: () => void = () => undefined;
    const onRetry = vi.fn(() => new Promise<void>((resolve) => (settle = resolve)));
    render(
      <MantineProvider>
        <PageError
          title="The history could not be loaded"
          message="The server did not answer."
          onRetry={onRetry}
        />
      </MantineProvider>,
    );
    const user = userEvent.setup();
    await user.click(tryAgain());
    expect(busy()).toBe(true);
    await user.click(tryAgain());
    expect(onRetry).toHaveBeenCalledTimes(1);
    settle();
    await waitFor(() => expect(busy()).toBe(false));
  });

  it('is not busy after a retry that returns nothing to wait for', async () => {
    render(
      <MantineProvider>
        <PageError title="Failed" message="No answer." onRetry={() => undefined} />
      </MantineProvider>,
    );
    await userEvent.setup().click(tryAgain());
    expect(busy()).toBe(false);
  });

  it('breaks a long word from the URL rather than widening the page', () => {
    render(
      <MantineProvider>
        <PageError kind="missing" title={`Agent ${'9'.repeat(60)} was not found`} message="Gone." />
      </MantineProvider>,
    );
    const heading = screen.getByRole('heading', { name: /was not found/ });
    expect(heading.parentElement?.style.overflowWrap).toBe('anywhere');
  });
});
