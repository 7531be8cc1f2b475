import { createBrowserRouter, redirect } from 'react-router';
import { onSessionExpired } from '@/api/http';
import { NavigationProgress } from '@/components/navigation-progress';
import type { SignInLocationState } from '@/features/auth/sign-in-page';
import { SIGN_IN_PATH, signInPathFor } from '@/lib/safe-next-path';

/** While the first screen's code and data load: the progress bar alone, no flash of layout. */
function FirstLoad() {
  return <NavigationProgress active />;
}

/** Every route's loader, in one small module that loads beside the screen's code (see loaders.ts). */
const loaders = () => import('./routes/loaders');

/**
 * Route modules live in app/routes and are lazy: each screen's code (and the diff viewer) loads
 * only when the screen opens. Route modules export `Component` and optionally `ErrorBoundary`;
 * the loaders (which only warm the query cache) are apart, so the router fetches a screen's code
 * and starts its API calls at the same time.
 */
export const router = createBrowserRouter([
  { path: '/sign-in', lazy: () => import('./routes/sign-in'), hydrateFallbackElement: <FirstLoad /> },
  {
    path: '/',
    lazy: {
      loader: async () => (await loaders()).shellLoader,
      Component: async () => (await import('./routes/shell')).Component,
      ErrorBoundary: async () => (await import('./routes/shell')).ErrorBoundary,
    },
    hydrateFallbackElement: <FirstLoad />,
    children: [
      { index: true, loader: () => redirect('/agents') },
      {
        path: 'agents',
        lazy: {
          loader: async () => (await loaders()).agentListLoader,
          Component: async () => (await import('./routes/agent-list')).Component,
          ErrorBoundary: async () => (await import('./routes/agent-list')).ErrorBoundary,
        },
      },
      {
        path: 'agents/:agentId',
        lazy: {
          loader: async () => (await loaders()).agentLoader,
          Component: async () => (await import('./routes/agent')).Component,
          ErrorBoundary: async () => (await import('./routes/agent')).ErrorBoundary,
        },
        children: [
          { index: true, loader: ({ params }) => redirect(`/agents/${params.agentId ?? ''}/edit`) },
          {
            path: 'edit',
            lazy: {
              loader: async () => (await loaders()).agentEditLoader,
              Component: async () => (await import('./routes/agent-edit')).Component,
              ErrorBoundary: async () => (await import('./routes/agent-edit')).ErrorBoundary,
            },
          },
          {
            path: 'review',
            lazy: {
              loader: async () => (await loaders()).agentReviewLoader,
              Component: async () => (await import('./routes/agent-review')).Component,
              ErrorBoundary: async () => (await import('./routes/agent-review')).ErrorBoundary,
            },
          },
          {
            path: 'history',
            lazy: {
              loader: async () => (await loaders()).agentHistoryLoader,
              shouldRevalidate: async () => (await loaders()).agentHistoryShouldRevalidate,
              Component: async () => (await import('./routes/agent-history')).Component,
              ErrorBoundary: async () => (await import('./routes/agent-history')).ErrorBoundary,
            },
          },
        ],
      },
      { path: '*', lazy: () => import('./routes/not-found') },
    ],
  },
]);

/**
 * A 401 that survived a refresh: back to sign-in, remembering where the user was. A client-side
 * navigation, not a reload, so whatever the tab holds (drafts in sessionStorage) is still there
 * when they come back.
 */
onSessionExpired(() => {
  const { pathname, search, hash } = router.state.location;
  if (pathname === SIGN_IN_PATH) return;
  const state: SignInLocationState = { reason: 'expired' };
  void router.navigate(signInPathFor(`${pathname}${search}${hash}`), { replace: true, state });
});
