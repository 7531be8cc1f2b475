import { Suspense } from 'react';
import { Skeleton, Stack } from '@mantine/core';
import { useParams, useRouteError } from 'react-router';
import { errorMessage, isApiError } from '@/api/api-error';
import { PageError } from '@/components/page-error';
import { ReviewScreen } from '@/features/review/review-screen';
import { agentIdOf } from './loaders';
import { OwnTab } from './own-tab';
import { useRouteRetry } from './use-route-retry';

/** Started by the Review loader as soon as the diff is there (see loaders.ts). */
export { prepareTextDiffs } from '@/components/diff/prepare-text-diffs';

export function Component() {
  const { agentId } = useParams();
  const id = agentIdOf(agentId);
  return (
    <Suspense fallback={<ReviewSkeleton />}>
      <OwnTab>
        <ReviewScreen key={id} agentId={id} />
      </OwnTab>
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
      title="The staging diff could not be loaded"
      message={errorMessage(error)}
      onRetry={retry}
      retrying={retrying}
    />
  );
}
