import { Suspense, useMemo, type ReactNode } from 'react';
import { useParams, useRouteError } from 'react-router';
import { useSuspenseQuery } from '@tanstack/react-query';
import { errorMessage, isApiError } from '@/api/api-error';
import { authQueries } from '@/api/auth/queries';
import { draftStore } from '@/features/editor/draft-store';
import { PageError } from '@/components/page-error';
import { AgentEditor, SectionSkeleton } from '@/features/editor/agent-editor';
import { agentIdOf } from './loaders';
import { useRouteRetry } from './use-route-retry';

/**
 * The drafts in this tab are the signed-in person's before the editor reads them: a session
 * restored from storage never went through the sign-in form, which claims them too (see
 * `claimFor`). Claimed during render, so no other person's draft is ever drawn; claiming again
 * is harmless.
 */
function OwnDrafts({ children }: { children: ReactNode }) {
  const { data: me } = useSuspenseQuery(authQueries.me());
  useMemo(() => draftStore.claimFor(me.email), [me.email]);
  return children;
}

export function Component() {
  const { agentId } = useParams();
  const id = agentIdOf(agentId);
  return (
    <Suspense fallback={<SectionSkeleton />}>
      <OwnDrafts>
        <AgentEditor key={id} agentId={id} />
      </OwnDrafts>
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
