import { AgentListError } from '@/features/agents/list/agent-list-error';
import { AgentListPage } from '@/features/agents/list/agent-list-page';

export function Component() {
  return <AgentListPage />;
}

export function ErrorBoundary() {
  return <AgentListError />;
}
