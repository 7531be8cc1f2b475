import { Suspense } from 'react';
import { useParams, useRevalidator, useRouteError, type LoaderFunctionArgs } from 'react-router';
import { idParamSchema } from '@contract';
import { agentQueries } from '@/api/agents/queries';
import { errorMessage, isApiError } from '@/api/api-error';
import { catalogQueries } from '@/api/catalog/queries';
import { getSession } from '@/api/session';
import { PageError } from '@/components/page-error';
import { AgentEditor, SectionSkeleton } from '@/features/editor/agent-editor';
import { queryClient } from '../query-client';

function agentIdOf(raw: string | undefined): number {
  const parsed = idParamSchema.safeParse(raw);
  if (!parsed.success) throw new Response('Not found', { status: 404 });
  return parsed.data;
}

/**
 * Warms the cache: the agent and the permissions (awaited, so a failure reaches the error
 * boundary), and the pickers' catalogues in the background.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const agentId = agentIdOf(params.agentId);
  if (!getSession()) return null;
  const ignore = () => undefined;
  void queryClient.query(catalogQueries.llmConfigs()).catch(ignore);
  void queryClient.query(catalogQueries.agentTypes()).catch(ignore);
  void queryClient.query(catalogQueries.corpora()).catch(ignore);
  void queryClient.query(catalogQueries.tools()).catch(ignore);
  void queryClient.query(agentQueries.guardrailTypes(agentId)).catch(ignore);
  await Promise.all([
    queryClient.query(agentQueries.detail(agentId)),
    queryClient.query(agentQueries.permissions(agentId)),
  ]);
  return null;
}

export function Component() {
  const { agentId } = useParams();
  const id = agentIdOf(agentId);
  return (
    <Suspense fallback={<SectionSkeleton />}>
      <AgentEditor key={id} agentId={id} />
    </Suspense>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const revalidator = useRevalidator();
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
      onRetry={() => revalidator.revalidate()}
      retrying={revalidator.state === 'loading'}
    />
  );
}
