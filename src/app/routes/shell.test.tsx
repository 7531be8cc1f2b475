// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import { Link } from 'react-router';
import { jsonResponse, renderRoutes, stubFetch } from '@/test/render-with-router';
import { Component, ErrorBoundary } from './shell';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** The shell's boundary around a page whose loader fails with `error`. */
async function failWith(error: Error) {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  stubFetch(() => jsonResponse(500, {}));
  renderRoutes(
    [
      {
        path: '/agents/:agentId',
        loader: () => {
          throw error;
        },
        element: <p>Agent</p>,
        ErrorBoundary,
      },
    ],
    { at: '/agents/7' },
  );
  await screen.findByRole('heading', { name: 'This page could not be shown' });
}

describe('the shell’s error boundary', () => {
  it('says in words that a screen’s code could not be downloaded, not in the browser’s', async () => {
    await failWith(new Error('Unable to preload CSS for http://127.0.0.1:4401/assets/agent-DPB1FlY9.css'));
    expect(
      screen.getByText(
        'Part of the console could not be downloaded: the server may be out of reach, or a new version of the console was just put live. Reloading usually helps; your unsaved drafts are kept in this tab.',
      ),
    ).toBeTruthy();
    expect(screen.queryByText(/preload CSS|assets\//)).toBeNull();
  });

  it('says what went wrong in the page’s top-level heading', async () => {
    await failWith(new Error('Boom'));
    expect(screen.getByRole('heading', { level: 1, name: 'This page could not be shown' })).toBeTruthy();
  });

  it('ends any other message with a full stop before the advice', async () => {
    await failWith(new Error('Boom'));
    expect(
      screen.getByText('Boom. Reloading usually helps; your unsaved drafts are kept in this tab.'),
    ).toBeTruthy();
  });
});

describe('the shell’s header', () => {
  it('opens its menus inside the header (the page banner), not after every landmark', async () => {
    // happy-dom lays nothing out: the menu's focus trap finds no visible item and says so.
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    stubFetch(() => jsonResponse(401, {}));
    const { user } = renderRoutes(
      [{ path: '/agents', Component, children: [{ index: true, element: <p>List</p> }] }],
      {
        at: '/agents',
      },
    );
    await user.click(await screen.findByRole('button', { name: /^Color scheme/ }));
    const menu = (await screen.findByText('Match system')).closest('[role="menu"]')!;
    expect(menu.closest('header')).toBe(screen.getByRole('banner'));
  });
});

describe('the focus after a navigation', () => {
  const routes = () => [
    {
      path: '/agents',
      Component,
      children: [
        {
          index: true,
          // Pages of their own (as the app's screens are), so no element is kept between them.
          element: (
            <section>
              <h1>Agents</h1>
              <Link to="/agents?page=2">Next page</Link>
              <Link to="/agents/14">Care Finder</Link>
              <Link to="/agents/15">Claims Explainer</Link>
            </section>
          ),
        },
        {
          path: ':agentId/*',
          element: (
            <article>
              <h1>An agent</h1>
            </article>
          ),
        },
      ],
    },
  ];

  it('goes Back to the link of the page the person was on, and to the heading on a new page', async () => {
    stubFetch(() => jsonResponse(401, {}));
    const { router, user } = renderRoutes(routes(), { at: '/agents' });
    await user.click(await screen.findByRole('link', { name: 'Claims Explainer' }));
    const agentHeading = await screen.findByRole('heading', { name: 'An agent' });
    await waitFor(() => expect(document.activeElement).toBe(agentHeading));
    await act(() => router.navigate('/agents/15/review'));
    await act(() => router.navigate(-1));
    await act(() => router.navigate(-1));
    const row = await screen.findByRole('link', { name: 'Claims Explainer' });
    await waitFor(() => expect(document.activeElement).toBe(row));
  });

  it('goes to the heading when the page has no link back, or on a new visit', async () => {
    stubFetch(() => jsonResponse(401, {}));
    const { router } = renderRoutes(routes(), { at: '/agents/15' });
    await screen.findByRole('heading', { name: 'An agent' });
    await act(() => router.navigate('/agents'));
    const list = await screen.findByRole('heading', { name: 'Agents' });
    await waitFor(() => expect(document.activeElement).toBe(list));
  });
});
