import type { ComponentType } from 'react';
import { createBrowserRouter, redirect } from 'react-router';
import { onSessionExpired } from '@/api/http';
import { NavigationProgress } from '@/components/navigation-progress';
import type { SignInLocationState } from '@/features/auth/sign-in-page';
import { SIGN_IN_PATH, signInPathFor } from '@/lib/safe-next-path';
import { once, screens } from './screens';

/** While the first screen's code and data load: the progress bar alone, no flash of layout. */
function FirstLoad() {
  return <NavigationProgress active />;
}

/**
 * Every route's loader, in one small module that loads beside the screen's code (see loaders.ts).
 * Remembered once in (see `once`): the first visit to each route asks for it again.
 */
const loaders = once(() => import('./routes/loaders'));
type Loaders = Awaited<ReturnType<typeof loaders>>;
/** Every `…Loader` export of loaders.ts. */
type LoaderName = Extract<keyof Loaders, `${string}Loader`>;

interface ScreenModule {
  Component: ComponentType;
  ErrorBoundary: ComponentType;
}

/** A screen's lazy route: its loader from loaders.ts, its component and error boundary from its module. */
function screen(load: () => Promise<ScreenModule>, loader: LoaderName) {
  return {
    loader: async () => (await loaders())[loader],
    Component: async () => (await load()).Component,
    ErrorBoundary: async () => (await load()).ErrorBoundary,
  };
}

/**
 * Route modules live in app/routes and are lazy: each screen's code (and the diff viewer) loads
 * only when the screen opens. Route modules export `Component` and optionally `ErrorBoundary`;
 * the loaders (which only warm the query cache) are apart, so the router fetches a screen's code
 * and starts its API calls at the same time.
 */
export const router = createBrowserRouter([
  { path: '/sign-in', lazy: screens.signIn, hydrateFallbackElement: <FirstLoad /> },
  {
    path: '/',
    lazy: screen(screens.shell, 'shellLoader'),
    hydrateFallbackElement: <FirstLoad />,
    children: [
      { index: true, loader: () => redirect('/agents') },
      {
        path: 'agents',
        lazy: screen(screens.agentList, 'agentListLoader'),
      },
      {
        path: 'agents/:agentId',
        lazy: screen(screens.agent, 'agentLoader'),
        children: [
          { index: true, loader: ({ params }) => redirect(`/agents/${params.agentId ?? ''}/edit`) },
          {
            path: 'edit',
            lazy: screen(screens.agentEdit, 'agentEditLoader'),
          },
          {
            path: 'review',
            lazy: screen(screens.agentReview, 'agentReviewLoader'),
          },
          {
            path: 'history',
            lazy: {
              ...screen(screens.agentHistory, 'agentHistoryLoader'),
              shouldRevalidate: async () => (await loaders()).agentHistoryShouldRevalidate,
            },
          },
        ],
      },
      { path: '*', lazy: screens.notFound },
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
