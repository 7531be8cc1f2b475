import { useMutation, useQueryClient } from '@tanstack/react-query';
import { agentDetailWireSchema, type CreateAgentInput } from '@contract';
import { toAgentDetail } from '../adapter';
import { apiSend } from '../http';
import { agentKeys } from '../keys';
import { agentQueries } from './queries';

/** `POST /api/v2/agents` → 201 with the new agent (already live as version 1, "Created"). */
export async function createAgent(input: CreateAgentInput, signal?: AbortSignal) {
  return toAgentDetail(
    await apiSend('POST', '/api/v2/agents', agentDetailWireSchema, { body: input, signal }),
  );
}

/**
 * Creates an agent, puts its staging detail in the cache (the editor opens without a round trip)
 * and refreshes the lists it now appears in. Resolves once the lists are fresh.
 */
export function useCreateAgent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateAgentInput) => createAgent(input),
    onSuccess: async (agent) => {
      queryClient.setQueryData(agentQueries.detail(agent.id).queryKey, agent);
      await queryClient.invalidateQueries({ queryKey: agentKeys.lists() });
    },
  });
}
