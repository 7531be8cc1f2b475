// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import type { ComponentType } from 'react';
import { renderRoutes } from '@/test/render-with-router';
import { ErrorBoundary as EditErrorBoundary } from './agent-edit';
import { ErrorBoundary as HistoryErrorBoundary } from './agent-history';
import { ErrorBoundary as ReviewErrorBoundary } from './agent-review';

type Flag = { IS_REACT_ACT_ENVIRONMENT?: boolean };

afterEach(() => cleanup());

/**
 * A click as in a browser, outside act(): act() would render the router's "loading" state at
 * once, before the loader could answer, which hides the race these tests are about.
 */
async function clickOutsideAct(element: HTMLElement, until: () => void) {
  const flag = globalThis as Flag;
  const before = flag.IS_REACT_ACT_ENVIRONMENT;
  flag.IS_REACT_ACT_ENVIRONMENT = false;
  try {
    element.click();
    await waitFor(until);
  } finally {
    flag.IS_REACT_ACT_ENVIRONMENT = before;
  }
}

const boundaries: [string, string, ComponentType][] = [
  ['edit', 'The agent could not be loaded for editing', EditErrorBoundary],
  ['review', 'The staging diff could not be loaded', ReviewErrorBoundary],
  ['history', 'The publish history could not be loaded', HistoryErrorBoundary],
];

// The loader fails once, then answers: at once (the router's "loading" and "idle" reach React
// before it has rendered either), after one task, or after 50 ms (React has rendered "loading").
const answers: [string, () => Promise<void>][] = [
  ['at once', () => Promise.resolve()],
  ['after one task', () => new Promise((r) => setTimeout(r, 0))],
  ['after 50 ms', () => new Promise((r) => setTimeout(r, 50))],
];

describe('"Try again" on a tab that failed to load', () => {
  for (const [tab, title, ErrorBoundary] of boundaries) {
    for (const [when, answer] of answers) {
      it(`${tab}: shows the screen once the loader succeeds, answering ${when}`, async () => {
        let calls = 0;
        const { router } = renderRoutes(
          [
            {
              path: '/agents/:agentId/:tab',
              loader: async () => {
                calls += 1;
                if (calls === 1) throw new TypeError('Failed to fetch');
                await answer();
                return null;
              },
              Component: () => <p>The screen</p>,
              ErrorBoundary,
            },
          ],
          { at: `/agents/7/${tab}?x=1` },
        );
        await screen.findByText(title);
        await clickOutsideAct(screen.getByRole('button', { name: 'Try again' }), () => {
          expect(calls).toBe(2);
          expect(router.state.navigation.state).toBe('idle');
          expect(router.state.errors).toBeNull();
        });
        expect(await screen.findByText('The screen')).toBeTruthy();
        expect(screen.queryByText(title)).toBeNull();
        // The same URL, replaced: Back still leaves the tab.
        expect(`${router.state.location.pathname}${router.state.location.search}`).toBe(
          `/agents/7/${tab}?x=1`,
        );
        expect(router.state.historyAction).toBe('REPLACE');
      });
    }
  }
});
