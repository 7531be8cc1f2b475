import { keepPreviousData, type Query, type QueryClient, queryOptions } from '@tanstack/react-query';
import { DELETE_AGENT_PERMISSIONS, type Environment, type Permission } from '@contract';
import { isApiError } from '../api-error';
import { isBackground } from '../http';
import { agentKeys, isPermissionsKey, type AgentListFilters } from '../keys';
import {
  fetchAgent,
  fetchAgentPermissions,
  fetchAgents,
  fetchGuardrailTypes,
  fetchStagingDiff,
} from './fetchers';

export const agentQueries = {
  list: (f: AgentListFilters) =>
    queryOptions({
      queryKey: agentKeys.list(f),
      queryFn: ({ signal }) => fetchAgents(f, signal),
      placeholderData: keepPreviousData,
    }),
  detail: (id: number, env: Environment = 'staging') =>
    queryOptions({
      queryKey: agentKeys.detail(id, env),
      queryFn: ({ signal }) => fetchAgent(id, env, signal),
    }),
  permissions: (id: number) =>
    queryOptions({
      queryKey: agentKeys.permissions(id),
      queryFn: ({ signal }) => fetchAgentPermissions(id, signal),
      staleTime: 60_000,
    }),
  guardrailTypes: (id: number) =>
    queryOptions({
      queryKey: agentKeys.guardrailTypes(id),
      queryFn: ({ signal }) => fetchGuardrailTypes(id, signal),
    }),
  stagingDiff: (id: number) =>
    queryOptions({
      queryKey: agentKeys.stagingDiff(id),
      queryFn: ({ signal, meta }) => fetchStagingDiff(id, signal, isBackground(meta)),
    }),
};

/** Derive, don't store: what a permission list allows. */
export function can(permissions: readonly Permission[] | undefined, p: Permission): boolean {
  return permissions?.includes(p) ?? false;
}

/**
 * A change the server refused as not allowed (403) means what the screen offered is out of date:
 * the person's role changed after their permissions were read (by an admin, or in another tab).
 * Every agent's permissions are read again, so what they may no longer do stops being offered.
 */
export async function refreshPermissionsAfterRefusal(
  queryClient: QueryClient,
  error: unknown,
): Promise<void> {
  if (!isApiError(error) || error.status !== 403) return;
  await queryClient.invalidateQueries({
    queryKey: agentKeys.all,
    predicate: (q) => isPermissionsKey(q.queryKey),
  });
}

/** Deleting takes an agent out of production too: it needs every permission the contract names. */
export function canDeleteAgent(permissions: readonly Permission[] | undefined): boolean {
  return DELETE_AGENT_PERMISSIONS.every((p) => can(permissions, p));
}

/**
 * After a change to an agent, everything cached about it is out of date, and so is any answer
 * still on its way: a fetch nobody watches (the staging diff fetched in a pause, say) is
 * cancelled first, or its answer, landing after the change, would be taken for fresh. Then all
 * of it is marked stale, and what is on screen refetched. `only` narrows it to some queries.
 */
export async function refreshAgentQueries(
  queryClient: QueryClient,
  agentId: number,
  only: (query: Query) => boolean = () => true,
): Promise<void> {
  const queryKey = agentKeys.agent(agentId);
  await queryClient.cancelQueries({ queryKey, predicate: (q) => only(q) && q.getObserversCount() === 0 });
  await queryClient.invalidateQueries({ queryKey, predicate: only });
}
