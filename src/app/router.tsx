import { createBrowserRouter, redirect } from 'react-router';

/**
 * Route modules live in app/routes and are lazy: each screen's code (and the diff viewer)
 * loads only when the screen opens. Route modules export `Component`, and optionally
 * `loader` (warms the query cache only) and `ErrorBoundary`.
 */
export const router = createBrowserRouter([
  { path: '/sign-in', lazy: () => import('./routes/sign-in') },
  {
    path: '/',
    lazy: () => import('./routes/shell'),
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
