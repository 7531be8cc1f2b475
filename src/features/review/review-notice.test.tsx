// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { ReviewNotice } from './review-notice';

afterEach(cleanup);

function renderNotice(changedTitles: string[], nothingLeft = false) {
  const router = createMemoryRouter([
    {
      path: '/',
      element: (
        <ReviewNotice
          agentId={7}
          notice={{ kind: 'staging-changed', changedTitles, refused: false, nothingLeft }}
          onClose={() => undefined}
        />
      ),
    },
  ]);
  render(
    <MantineProvider>
      <RouterProvider router={router} />
    </MantineProvider>,
  );
  return screen.getByRole('alert');
}

describe('ReviewNotice', () => {
  it('names the sections that changed without claiming marks the reviewer never set were cleared', () => {
    const alert = renderNotice(['Instructions', 'Guardrails']);
    expect(alert.textContent).toContain('these sections changed (Instructions, Guardrails)');
    expect(alert.textContent).toContain('any Viewed marks on them were cleared');
    expect(alert.textContent).not.toMatch(/the Viewed marks of what changed were cleared/);
  });

  it('asks for another look at the whole diff when no section can be named', () => {
    const alert = renderNotice([]);
    expect(alert.textContent).toContain('The diff below is the current one. Review it again, then publish.');
  });

  it('says there is nothing left to publish, not to review and publish, when staging came to match production', () => {
    const alert = renderNotice(['Agent settings'], true);
    expect(alert.textContent).toContain(
      'Staging now matches production, so there is nothing left to review or publish.',
    );
    expect(alert.textContent).not.toContain('then publish');
  });
});
