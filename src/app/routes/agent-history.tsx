import {
  useParams,
  useRevalidator,
  useRouteError,
  type LoaderFunctionArgs,
  type ShouldRevalidateFunctionArgs,
} from 'react-router';
import { agentQueries } from '@/api/agents/queries';
import { errorMessage, isApiError } from '@/api/api-error';
import { publishQueries } from '@/api/publishes/queries';
import { PageError } from '@/components/page-error';
import { HistoryScreen } from '@/features/history/history-screen';
import { parseHistoryParams } from '@/lib/history-params';
import { idParamSchema } from '@contract';
import { queryClient } from '../query-client';

function agentIdOf(raw: string | undefined): number {
  const parsed = idParamSchema.safeParse(raw);
  if (!parsed.success) throw new Response('Not found', { status: 404 });
  return parsed.data;
}

/**
 * Warms the cache: the first page of the timeline (awaited, so a failure reaches the error
 * boundary), the newest record and the permissions.
 */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const agentId = agentIdOf(params.agentId);
  const { publishedBy, q } = parseHistoryParams(new URL(request.url).searchParams);
  void queryClient.prefetchQuery(agentQueries.permissions(agentId));
  void queryClient.prefetchQuery(publishQueries.head(agentId));
  await queryClient.infiniteQuery(publishQueries.list(agentId, { publishedBy, q }));
  return null;
}

/**
 * Selecting a record, comparing or filtering changes only the query string; the screen fetches
 * what it needs itself, so a change of the query string alone does not run the loader again.
 */
export function shouldRevalidate({
  currentUrl,
  nextUrl,
  defaultShouldRevalidate,
}: ShouldRevalidateFunctionArgs) {
  if (currentUrl.pathname === nextUrl.pathname && currentUrl.search !== nextUrl.search) return false;
  return defaultShouldRevalidate;
}

export function Component() {
  const { agentId } = useParams();
  const id = agentIdOf(agentId);
  return <HistoryScreen key={id} agentId={id} />;
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
      title="The publish history could not be loaded"
      message={errorMessage(error)}
      onRetry={() => revalidator.revalidate()}
      retrying={revalidator.state === 'loading'}
    />
  );
}
