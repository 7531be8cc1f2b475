import { useParams } from 'react-router';
import { AgentLayout } from '@/features/agents/layout/agent-layout';
import { AgentLoadError } from '@/features/agents/layout/agent-load-error';

export function Component() {
  const { agentId } = useParams();
  const id = Number(agentId);
  return <AgentLayout key={id} agentId={id} />;
}

export function ErrorBoundary() {
  const { agentId } = useParams();
  return <AgentLoadError key={agentId} agentIdParam={agentId} />;
}
