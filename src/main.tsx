import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { refreshRestoredPages } from './app/page-restore';
import { queryClient } from './app/query-client';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
refreshRestoredPages(window, queryClient, () => window.location.reload());
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
