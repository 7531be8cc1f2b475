import { useMutation, useQueryClient } from '@tanstack/react-query';
import { agentDeletedWireSchema } from '@contract';
import { apiSend } from '../http';
import type { AgentSummary, Page } from '../adapter';
import { agentKeys, type AgentListFilters } from '../keys';

/** `DELETE /api/v2/agents/{id}`: staging, production and the publish history go with it. */
export async function deleteAgent(id: number, signal?: AbortSignal) {
  return apiSend('DELETE', `/api/v2/agents/${id}`, agentDeletedWireSchema, { signal });
}

/**
 * Deletes an agent and refreshes the lists. What is cached about it and not on screen goes now;
 * the screen showing it is left alone (it would only refetch into a 404) until the call site has
 * moved away, and a later visit finds the agent gone.
 */
export function useDeleteAgent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => deleteAgent(id),
    onSuccess: async (_data, id) => {
      await queryClient.cancelQueries({ queryKey: agentKeys.agent(id) });
      queryClient.removeQueries({ queryKey: agentKeys.agent(id), type: 'inactive' });
      // Cached lists drop it now: the list the user goes back to would otherwise show it, a link
      // into a 404, until its refetch lands.
      for (const [key, data] of queryClient.getQueriesData<Page<AgentSummary> | AgentSummary[]>({
        queryKey: agentKeys.lists(),
      })) {
        if (data) queryClient.setQueryData(key, withoutAgent(data, id, key[2]));
      }
      await queryClient.invalidateQueries({ queryKey: agentKeys.lists() });
    },
  });
}

function withoutAgent(
  data: Page<AgentSummary> | AgentSummary[],
  id: number,
  filters: unknown,
): Page<AgentSummary> | AgentSummary[] {
  if (Array.isArray(data)) return data.some((a) => a.id === id) ? data.filter((a) => a.id !== id) : data;
  if (!data.items.some((a) => a.id === id)) return data;
  const total = Math.max(0, data.total - 1);
  const perPage = (filters as Partial<AgentListFilters> | undefined)?.perPage;
  return {
    ...data,
    items: data.items.filter((a) => a.id !== id),
    total,
    totalPages: perPage ? Math.ceil(total / perPage) : data.totalPages,
  };
}
