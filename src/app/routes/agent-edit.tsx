import { Suspense } from 'react';
import { useParams, useRouteError } from 'react-router';
import { errorMessage, isApiError } from '@/api/api-error';
import { PageError } from '@/components/page-error';
import { AgentEditor, SectionSkeleton } from '@/features/editor/agent-editor';
import { agentIdOf } from './loaders';
import { OwnTab } from './own-tab';
import { useRouteRetry } from './use-route-retry';

export function Component() {
  const { agentId } = useParams();
  const id = agentIdOf(agentId);
  return (
    <Suspense fallback={<SectionSkeleton />}>
      <OwnTab>
        <AgentEditor key={id} agentId={id} />
      </OwnTab>
    </Suspense>
  );
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
      title="The agent could not be loaded for editing"
      message={errorMessage(error)}
      onRetry={retry}
      retrying={retrying}
    />
  );
}
