import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { refreshRestoredPages } from './app/page-restore';
import { queryClient } from './app/query-client';
import { appRouter } from './app/router';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
refreshRestoredPages(window, queryClient, () => window.location.reload());

/**
 * The router starts (and with it the first screen's API calls) in the task after the one that
 * evaluated the first bundle: on a cold load the two took 140 to 200 ms as one task, during
 * which the page could neither paint nor take input.
 */
setTimeout(() => {
  const router = appRouter();
  createRoot(root).render(
    <StrictMode>
      <App router={router} />
    </StrictMode>,
  );
}, 0);
