import { createBrowserRouter, type DataRouter, type RouteObject } from 'react-router';
import { onSessionExpired } from '@/api/http';
import { onSignedOutElsewhere } from '@/api/session-share';
import { NavigationProgress } from '@/components/navigation-progress';
import type { SignInLocationState } from '@/features/auth/sign-in-page';
import { SIGN_IN_PATH, signInPathFor } from '@/lib/safe-next-path';
import { loaderRedirect, markFirstScreenShown } from './routes/loader-redirect';
import * as loaders from './routes/loaders';
import { screen, screens } from './screens';

/** While the first screen's code and data load: the progress bar alone, no flash of layout. */
function FirstLoad() {
  return <NavigationProgress active />;
}

/**
 * Route modules live in app/routes and are lazy: each screen's code (and the diff viewer) loads
 * only when the screen opens. Route modules export `Component` and optionally `ErrorBoundary`;
 * the loaders only warm the query cache.
 */
const routes: RouteObject[] = [
  { path: '/sign-in', lazy: screens.signIn, hydrateFallbackElement: <FirstLoad /> },
  {
    path: '/',
    ...screen(screens.shell, loaders.shellLoader),
    hydrateFallbackElement: <FirstLoad />,
    children: [
      { index: true, loader: () => loaderRedirect('/agents') },
      {
        path: 'agents',
        ...screen(screens.agentList, loaders.agentListLoader),
      },
      {
        path: 'agents/:agentId',
        ...screen(screens.agent, loaders.agentLoader),
        children: [
          { index: true, loader: ({ params }) => loaderRedirect(`/agents/${params.agentId ?? ''}/edit`) },
          {
            path: 'edit',
            ...screen(screens.agentEdit, loaders.agentEditLoader),
          },
          {
            path: 'review',
            ...screen(screens.agentReview, loaders.agentReviewLoader),
          },
          {
            path: 'history',
            ...screen(screens.agentHistory, loaders.agentHistoryLoader),
            shouldRevalidate: loaders.agentHistoryShouldRevalidate,
          },
        ],
      },
      { path: '*', lazy: screens.notFound },
    ],
  },
];

let created: DataRouter | null = null;

/**
 * The console's router, made on first use: making it runs the first screen's loaders, whose API
 * calls leave at once. main.tsx asks for it a task after the first bundle is evaluated, so that
 * evaluation and the router's start are two tasks, not one long one on every page load.
 */
export function appRouter(): DataRouter {
  if (!created) {
    const router = createBrowserRouter(routes);
    created = router;
    if (router.state.initialized) markFirstScreenShown();
    else {
      const unsubscribe = router.subscribe((state) => {
        if (!state.initialized) return;
        markFirstScreenShown();
        unsubscribe();
      });
    }
  }
  return created;
}

/**
 * A session that ended without the user signing out on this tab: a 401 that survived a refresh,
 * or a sign-out in another tab that shared the session. Back to sign-in, remembering where the
 * user was. A client-side navigation, not a reload, so whatever the tab holds (drafts in
 * sessionStorage) is still there when they come back.
 */
function backToSignIn(reason: 'expired' | 'signed-out-elsewhere') {
  const router = appRouter();
  const { pathname, search, hash } = router.state.location;
  if (pathname === SIGN_IN_PATH) return;
  const state: SignInLocationState = { reason };
  void router.navigate(signInPathFor(`${pathname}${search}${hash}`), { replace: true, state });
}
onSessionExpired(() => backToSignIn('expired'));
onSignedOutElsewhere(() => backToSignIn('signed-out-elsewhere'));
