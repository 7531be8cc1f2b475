import { createBrowserRouter, redirect } from 'react-router';
import { onSessionExpired } from '@/api/http';
import { NavigationProgress } from '@/components/navigation-progress';
import type { SignInLocationState } from '@/features/auth/sign-in-page';
import { SIGN_IN_PATH, signInPathFor } from '@/lib/safe-next-path';

/** While the first screen's code and data load: the progress bar alone, no flash of layout. */
function FirstLoad() {
  return <NavigationProgress active />;
}

/**
 * Route modules live in app/routes and are lazy: each screen's code (and the diff viewer)
 * loads only when the screen opens. Route modules export `Component`, and optionally
 * `loader` (warms the query cache only) and `ErrorBoundary`.
 */
export const router = createBrowserRouter([
  { path: '/sign-in', lazy: () => import('./routes/sign-in'), hydrateFallbackElement: <FirstLoad /> },
  {
    path: '/',
    lazy: () => import('./routes/shell'),
    hydrateFallbackElement: <FirstLoad />,
    children: [
      { index: true, loader: () => redirect('/agents') },
      { path: 'agents', lazy: () => import('./routes/agent-list') },
      {
        path: 'agents/:agentId',
        lazy: () => import('./routes/agent'),
        children: [
          { index: true, loader: ({ params }) => redirect(`/agents/${params.agentId ?? ''}/edit`) },
          { path: 'edit', lazy: () => import('./routes/agent-edit') },
          { path: 'review', lazy: () => import('./routes/agent-review') },
          { path: 'history', lazy: () => import('./routes/agent-history') },
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
