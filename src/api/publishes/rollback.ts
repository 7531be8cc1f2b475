import { useMutation, useQueryClient } from '@tanstack/react-query';
import { agentKeys } from '../keys';
import { rollbackAgent } from './fetchers';

/**
 * Reverts staging to what a publish made live. Everything about the agent is refetched before
 * the mutation settles (staging, its diff, the rolled-back banner, previews), so the confirm
 * button stays busy until the fresh state is on screen.
 */
export function useRollback(agentId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { changeTrackId: number; stagingRevision?: number }) =>
      rollbackAgent(agentId, v.changeTrackId, v.stagingRevision),
    onSuccess: async () => {
      void queryClient.invalidateQueries({ queryKey: agentKeys.lists() });
      await queryClient.invalidateQueries({ queryKey: agentKeys.agent(agentId) });
    },
  });
}
