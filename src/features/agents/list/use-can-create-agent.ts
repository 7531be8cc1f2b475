import { useQuery } from '@tanstack/react-query';
import { agentQueries, can } from '@/api/agents/queries';

/**
 * The contract has no organisation-wide permission, only each agent's. Creating is offered when
 * the user may edit the first agent of the whole list (roles are organisation-wide in practice),
 * independent of the filters so the button does not come and go while searching. With no agent
 * at all there is nothing to ask: the button shows and the server has the last word (a 403 is
 * shown in the dialog). While unknown, it stays hidden, so viewers never see it flash. What was
 * known stays known when a later refetch fails (`data` outlives the error).
 */
export function useCanCreateAgent(): boolean {
  const first = useQuery({
    ...agentQueries.list({ page: 1, perPage: 1 }),
    select: (page) => page.items[0]?.id ?? null,
  });
  const firstId = first.data ?? null;
  const permissions = useQuery({ ...agentQueries.permissions(firstId ?? 0), enabled: firstId !== null });
  return first.data === null || (firstId !== null && can(permissions.data, 'edit'));
}
