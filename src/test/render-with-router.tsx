import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { configure, render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider, type InitialEntry, type RouteObject } from 'react-router';
import { vi } from 'vitest';

// findBy… and waitFor give up after 1 s by default; the machines running these tests are often busy.
configure({ asyncUtilTimeout: 5_000 });

/** A query client for one test: no retries, nothing shared with other tests. */
export function testQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, staleTime: Infinity, gcTime: Infinity },
      mutations: { retry: false },
    },
  });
}

export interface RenderWithRouterOptions {
  /** Where the memory router starts, e.g. '/agents?q=x', or a location with navigation state. */
  at?: InitialEntry;
  queryClient?: QueryClient;
}

/**
 * Renders routes with a fresh query client, Mantine and a memory router. Seed data through
 * `queryClient.setQueryData(<factory>.queryKey, …)` before or after rendering; read where the
 * screen went from `router.state.location`.
 */
export function renderRoutes(
  routes: RouteObject[],
  { at = '/', queryClient = testQueryClient() }: RenderWithRouterOptions = {},
) {
  const router = createMemoryRouter(routes, { initialEntries: [at] });
  const user = userEvent.setup({ delay: null });
  const view = render(
    <MantineProvider>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>,
  );
  return { ...view, router, queryClient, user };
}

/** One element at one path, and a catch-all that says where the app went. */
export function renderAt(path: string, ui: ReactNode, opts: RenderWithRouterOptions = {}) {
  return renderRoutes(
    [
      { path, element: ui },
      { path: '*', element: <p>Elsewhere</p> },
    ],
    { at: path, ...opts },
  );
}

type Handler = (url: URL, init: RequestInit) => Response | Promise<Response>;

export function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** Stubs global fetch; returns the calls made. Undo with `vi.unstubAllGlobals()`. */
export function stubFetch(handler: Handler) {
  const calls: { url: URL; init: RequestInit }[] = [];
  vi.stubGlobal('fetch', (input: string, init: RequestInit = {}) => {
    const url = new URL(input, 'http://console.test');
    calls.push({ url, init });
    return Promise.resolve(handler(url, init));
  });
  return calls;
}

/** happy-dom has no FontFaceSet, which Mantine's autosizing Textarea listens to: a silent one. */
export function stubFontFaceSet(): void {
  if ('fonts' in document && document.fonts) return;
  Object.defineProperty(document, 'fonts', {
    configurable: true,
    value: { addEventListener: () => undefined, removeEventListener: () => undefined },
  });
}
