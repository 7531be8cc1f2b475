// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { MantineProvider, Modal } from '@mantine/core';
import { cssVariablesResolver, theme } from './theme';

afterEach(cleanup);

describe('the theme’s dialogs', () => {
  it('add no second banner landmark to the page, and name their close button', async () => {
    render(
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
        <Modal opened onClose={() => undefined} title="New agent" transitionProps={{ duration: 0 }}>
          Body
        </Modal>
      </MantineProvider>,
    );
    const dialog = await screen.findByRole('dialog', { name: 'New agent' });
    expect(dialog.querySelector('header')?.getAttribute('role')).toBe('none');
    expect(screen.getByRole('button', { name: 'Close' })).toBeTruthy();
  });
});
