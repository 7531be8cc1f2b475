import { useQuery, useQueryClient, type Query } from '@tanstack/react-query';
import { agentQueries, can } from '@/api/agents/queries';

const FIRST_AGENT_FILTERS = { page: 1, perPage: 1 };
const FIRST_AGENT = agentQueries.list(FIRST_AGENT_FILTERS).queryKey;
const failed = (query: Query) => query.state.status === 'error';

export interface CanCreateAgent {
  canCreate: boolean;
  /** Asks again for whatever failed to load, so the answer can be known ("Try again" on the page). */
  retry: () => Promise<unknown>;
}

/**
 * The contract has no organisation-wide permission, only each agent's. Creating is offered when
 * the user may edit the first agent of the whole list (roles are organisation-wide in practice),
 * independent of the filters so the button does not come and go while searching. With no agent
 * at all there is nothing to ask: the button shows and the server has the last word (a 403 is
 * shown in the dialog). While unknown, it stays hidden, so viewers never see it flash. What was
 * known stays known when a later refetch fails (`data` outlives the error).
 */
export function useCanCreateAgent(): CanCreateAgent {
  const first = useQuery({
    ...agentQueries.list(FIRST_AGENT_FILTERS),
    select: (page) => page.items[0]?.id ?? null,
  });
  const firstId = first.data ?? null;
  const permissions = useQuery({ ...agentQueries.permissions(firstId ?? 0), enabled: firstId !== null });
  const canCreate = first.data === null || (firstId !== null && can(permissions.data, 'edit'));
  const queryClient = useQueryClient();
  // Asked of the cache, not of the results drawn last: a query that failed without changing
  // anything drawn (no data before, none after) left its result saying it is still loading. Once
  // the first agent is known, its permissions load on their own.
  const retry = () =>
    Promise.all(
      [FIRST_AGENT, ...(firstId === null ? [] : [agentQueries.permissions(firstId).queryKey])].map(
        (queryKey) => queryClient.refetchQueries({ queryKey, exact: true, predicate: failed }),
      ),
    );
  return { canCreate, retry };
}
