import { Suspense } from 'react';
import { Skeleton, Stack } from '@mantine/core';
import { useParams, useRevalidator, useRouteError, type LoaderFunctionArgs } from 'react-router';
import { agentQueries } from '@/api/agents/queries';
import { errorMessage, isApiError } from '@/api/api-error';
import { PageError } from '@/components/page-error';
import { ReviewScreen } from '@/features/review/review-screen';
import { idParamSchema } from '@contract';
import { queryClient } from '../query-client';

function agentIdOf(raw: string | undefined): number {
  const parsed = idParamSchema.safeParse(raw);
  if (!parsed.success) throw new Response('Not found', { status: 404 });
  return parsed.data;
}

/** Warms the cache: the diff (awaited, so a failure reaches the error boundary) and the permissions. */
export async function loader({ params }: LoaderFunctionArgs) {
  const agentId = agentIdOf(params.agentId);
  void queryClient.prefetchQuery(agentQueries.permissions(agentId));
  await queryClient.query(agentQueries.stagingDiff(agentId));
  return null;
}

export function Component() {
  const { agentId } = useParams();
  const id = agentIdOf(agentId);
  return (
    <Suspense fallback={<ReviewSkeleton />}>
      <ReviewScreen key={id} agentId={id} />
    </Suspense>
  );
}

function ReviewSkeleton() {
  return (
    <Stack gap="md" aria-busy aria-label="Loading the staging diff">
      <Skeleton height={28} width="30%" />
      <Skeleton height={160} />
      <Skeleton height={240} />
    </Stack>
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
      title="The staging diff could not be loaded"
      message={errorMessage(error)}
      onRetry={() => revalidator.revalidate()}
      retrying={revalidator.state === 'loading'}
    />
  );
}
