import { useParams, useRouteError } from 'react-router';
import { errorMessage, isApiError } from '@/api/api-error';
import { PageError } from '@/components/page-error';
import { HistoryScreen } from '@/features/history/history-screen';
import { agentIdOf } from './loaders';
import { useRouteRetry } from './use-route-retry';

export function Component() {
  const { agentId } = useParams();
  const id = agentIdOf(agentId);
  return <HistoryScreen key={id} agentId={id} />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { retry, retrying } = useRouteRetry();
  const missing =
    (isApiError(error) && error.status === 404) || (error instanceof Response && error.status === 404);
  return missing ? (
    <PageError
      kind="missing"
      title="Agent not found"
      message="There is no agent with this id, or it was deleted."
    />
  ) : (
    <PageError
      title="The publish history could not be loaded"
      message={errorMessage(error)}
      onRetry={retry}
      retrying={retrying}
    />
  );
}
