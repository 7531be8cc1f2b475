import { useMutation, useQueryClient } from '@tanstack/react-query';
import { agentDeletedWireSchema } from '@contract';
import { apiSend } from '../http';
import { agentKeys } from '../keys';

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
      await queryClient.invalidateQueries({ queryKey: agentKeys.lists() });
    },
  });
}
