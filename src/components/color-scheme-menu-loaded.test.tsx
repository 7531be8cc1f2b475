// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MantineProvider } from '@mantine/core';
import { ColorSchemeMenuLoaded } from './color-scheme-menu-loaded';

afterEach(cleanup);

describe('the colour scheme menu', () => {
  it('holds nothing but its choices that can take the focus', async () => {
    render(
      <MantineProvider defaultColorScheme="light">
        <ColorSchemeMenuLoaded openOnMount={false} focusOnMount={false} pressInProgress={false} />
      </MantineProvider>,
    );
    await userEvent.setup().click(screen.getByRole('button', { name: 'Color scheme: Light' }));
    // Found by its text: happy-dom leaves the dropdown's opening transition unfinished.
    const light = (await screen.findByText('Light')).closest('[role="menuitem"]');
    const menu = light!.closest('[role="menu"]')!;
    const focusable = [...menu.querySelectorAll('[tabindex]')].filter(
      (el) => el.getAttribute('role') !== 'menuitem',
    );
    expect(focusable).toEqual([]);
  });

  it('keeps its button’s tooltip off the open menu, whose label it covered', async () => {
    render(
      <MantineProvider defaultColorScheme="light">
        <ColorSchemeMenuLoaded openOnMount={false} focusOnMount={false} pressInProgress={false} />
      </MantineProvider>,
    );
    await userEvent.setup().click(screen.getByRole('button', { name: 'Color scheme: Light' }));
    await screen.findByText('Match system');
    // Past the tooltip's delay, with the pointer still on the button.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(screen.queryByRole('tooltip')).toBeNull();
    expect(screen.queryByText('Color scheme: Light')).toBeNull();
  });
});
