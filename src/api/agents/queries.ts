import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { Environment, Permission } from '@contract';
import { agentKeys, type AgentListFilters } from '../keys';
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
      queryFn: ({ signal }) => fetchStagingDiff(id, signal),
    }),
};

/** Derive, don't store: what a permission list allows. */
export function can(permissions: readonly Permission[] | undefined, p: Permission): boolean {
  return permissions?.includes(p) ?? false;
}
