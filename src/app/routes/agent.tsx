import { data, useParams, type LoaderFunctionArgs } from 'react-router';
import { idParamSchema } from '@contract';
import { agentQueries } from '@/api/agents/queries';
import { getSession } from '@/api/session';
import { AgentLayout } from '@/features/agents/layout/agent-layout';
import { AgentLoadError } from '@/features/agents/layout/agent-load-error';
import { queryClient } from '../query-client';

/** Warms the cache only; the layout and the tabs read through the same query options. */
export function loader({ params }: LoaderFunctionArgs) {
  const id = idParamSchema.safeParse(params.agentId);
  if (!id.success) throw data(null, { status: 404, statusText: 'Not Found' });
  if (getSession()) {
    void queryClient.prefetchQuery(agentQueries.detail(id.data));
    void queryClient.prefetchQuery(agentQueries.permissions(id.data));
  }
  return null;
}

export function Component() {
  const { agentId } = useParams();
  const id = Number(agentId);
  return <AgentLayout key={id} agentId={id} />;
}

export function ErrorBoundary() {
  const { agentId } = useParams();
  return <AgentLoadError key={agentId} agentIdParam={agentId} />;
}
