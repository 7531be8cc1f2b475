import type { LoaderFunctionArgs } from 'react-router';
import { agentQueries } from '@/api/agents/queries';
import { catalogQueries } from '@/api/catalog/queries';
import { getSession } from '@/api/session';
import { AgentListError } from '@/features/agents/list/agent-list-error';
import { AgentListPage } from '@/features/agents/list/agent-list-page';
import { agentListFilters } from '@/features/agents/list/use-agent-list-view';
import { parseAgentListView } from '@/lib/agent-list-view';
import { queryClient } from '../query-client';

/** Warms the cache for the page the URL asks for; never waits for it. */
export function loader({ request }: LoaderFunctionArgs) {
  if (getSession()) {
    const view = parseAgentListView(new URL(request.url).searchParams);
    void queryClient.prefetchQuery(agentQueries.list(agentListFilters(view)));
    void queryClient.prefetchQuery(catalogQueries.projects());
  }
  return null;
}

export function Component() {
  return <AgentListPage />;
}

export function ErrorBoundary() {
  return <AgentListError />;
}
