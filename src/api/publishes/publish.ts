import { useMutation, useQueryClient } from '@tanstack/react-query';
import { publishRecordWireSchema, type PublishBody } from '@contract';
import { toPublishRecord } from '../adapter';
import { isApiError } from '../api-error';
import { apiSend } from '../http';
import { refreshAgentQueries } from '../agents/queries';
import { agentKeys } from '../keys';

export interface PublishInput {
  /** Why this goes live. */
  note: string;
  /** The fingerprint of the staging diff the reviewer approved: the server refuses (412) if staging moved on. */
  expectedFingerprint: string;
}

/** Makes production equal staging and records the publish. */
export async function publishAgent(agentId: number, input: PublishInput, signal?: AbortSignal) {
  const body: PublishBody = { note: input.note.trim(), expected_fingerprint: input.expectedFingerprint };
  const wire = await apiSend('POST', `/api/v2/agents/${agentId}/publish`, publishRecordWireSchema, {
    body,
    signal,
  });
  return toPublishRecord(wire);
}

/** Answers meaning the diff on screen is out of date: staging changed, or someone published it already. */
export const isStaleReview = (e: unknown) =>
  isApiError(e) && (e.code === 'STAGING_CHANGED' || e.code === 'NOTHING_TO_PUBLISH');

/**
 * Publishes what the reviewer saw. On success, and when the server says the review is stale,
 * everything about the agent (header badges, diff, history) and the agent list are refetched
 * before the mutation settles, so the button stays busy until fresh data is on screen.
 */
export function usePublishAgent(agentId: number) {
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([
      refreshAgentQueries(queryClient, agentId),
      queryClient.invalidateQueries({ queryKey: agentKeys.lists() }),
    ]);
  return useMutation({
    mutationFn: (input: PublishInput) => publishAgent(agentId, input),
    onSuccess: async () => {
      await refresh();
    },
    onError: async (error) => {
      if (isStaleReview(error)) await refresh();
    },
  });
}
