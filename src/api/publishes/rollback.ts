import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { refreshAgentQueries } from '../agents/queries';
import { agentKeys } from '../keys';
import { rollbackAgent } from './fetchers';

const startsWith = (key: QueryKey, prefix: QueryKey) => prefix.every((part, i) => key[i] === part);

/**
 * Reverts staging to what a publish made live. Everything about the agent is refetched before
 * the mutation settles (staging, its diff, the rolled-back banner, previews), so the confirm
 * button stays busy until the fresh state is on screen. The timeline is refreshed too but not
 * waited for: a rollback adds no publish record, and a long-scrolled timeline refetches every
 * page it holds.
 */
export function useRollback(agentId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { changeTrackId: number; stagingRevision?: number }) =>
      rollbackAgent(agentId, v.changeTrackId, v.stagingRevision),
    onSuccess: async () => {
      const timeline = agentKeys.publishLists(agentId);
      void queryClient.invalidateQueries({ queryKey: agentKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: timeline });
      await refreshAgentQueries(queryClient, agentId, (q) => !startsWith(q.queryKey, timeline));
    },
  });
}
