import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getSession } from './api/session';
import { adoptSessionFromOtherTab, startSessionSharing } from './api/session-share';
import { App } from './app/app';
import { refreshRestoredPages } from './app/page-restore';
import { queryClient } from './app/query-client';
import { appRouter } from './app/router';
import { SIGN_IN_PATH } from './lib/safe-next-path';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
refreshRestoredPages(window, queryClient, () => window.location.reload());

/**
 * The router starts (and with it the first screen's API calls) in the task after the one that
 * evaluated the first bundle: on a cold load the two took 140 to 200 ms as one task, during
 * which the page could neither paint nor take input.
 */
function start(container: HTMLElement) {
  const router = appRouter();
  createRoot(container).render(
    <StrictMode>
      <App router={router} />
    </StrictMode>,
  );
}

setTimeout(() => {
  startSessionSharing();
  // A tab opened without a session (a link opened in a new tab) takes the one the console's other
  // tabs hold, before any screen decides it must sign in. Not on the sign-in page itself: that is
  // where a tab goes to sign in as someone else, or after signing out.
  if (!getSession() && window.location.pathname !== SIGN_IN_PATH) {
    void adoptSessionFromOtherTab().then(() => start(root));
  } else start(root);
}, 0);
