import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { publishRecordWireSchema, type PublishBody } from '@contract';
import { toPublishRecord, type PublishRecord } from '../adapter';
import { isApiError, isLostAnswer } from '../api-error';
import { apiSend } from '../http';
import { refreshAgentQueries } from '../agents/queries';
import { authQueries } from '../auth/queries';
import { agentKeys } from '../keys';
import { fetchPublishPage } from './fetchers';

export interface PublishInput {
  /** Why this goes live. */
  note: string;
  /** The fingerprint of the staging diff the reviewer approved: the server refuses (412) if staging moved on. */
  expectedFingerprint: string;
  /** The change_track_id live in production when that diff was taken (null: never published). */
  liveChangeTrackId: number | null;
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

/** The answer meaning the agent is gone: someone deleted it while it was being reviewed. */
export const isAgentGone = (e: unknown) => isApiError(e) && e.status === 404;

/** How many of the newest records to look through for one's own publish after a lost answer. */
const LOST_ANSWER_LOOKBACK = 5;

/**
 * After a lost answer, whether the publish went through after all: a record newer than the
 * production the reviewer saw, by this user, with this note, among the newest few. `null` when
 * there is none, or when the history cannot be read either.
 */
export async function findOwnPublish(
  queryClient: QueryClient,
  agentId: number,
  input: PublishInput,
): Promise<PublishRecord | null> {
  try {
    const [me, page] = await Promise.all([
      queryClient.query(authQueries.me()),
      fetchPublishPage(agentId, { perPage: LOST_ANSWER_LOOKBACK }, 1),
    ]);
    const note = input.note.trim();
    return (
      page.items.find(
        (r) =>
          (input.liveChangeTrackId === null || r.changeTrackId > input.liveChangeTrackId) &&
          r.publishedBy.email === me.email &&
          (r.note ?? '') === note,
      ) ?? null
    );
  } catch {
    return null;
  }
}

/**
 * Publishes what the reviewer saw. When the answer is lost, the history says whether it went
 * through: if so, that is the success (so the reviewer never publishes twice, or is told
 * "nothing to publish" about their own publish); if not, the original error stands. On success,
 * and when the server says the review is stale or the answer was lost, everything about the agent
 * (header badges, diff, history) and the agent list are refetched before the mutation settles,
 * so the button stays busy until fresh data is on screen. When the agent is gone (404), what is
 * cached about it is only marked out of date: refetched now, the agent's 404 would swap the page
 * for its not-found page at once, taking with it the dialog that says why nothing was published.
 * The screen has it refetched once that dialog is closed.
 */
export function usePublishAgent(agentId: number) {
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([
      refreshAgentQueries(queryClient, agentId),
      queryClient.invalidateQueries({ queryKey: agentKeys.lists() }),
    ]);
  return useMutation({
    mutationFn: async (input: PublishInput) => {
      try {
        return await publishAgent(agentId, input);
      } catch (e) {
        if (!isLostAnswer(e)) throw e;
        const record = await findOwnPublish(queryClient, agentId, input);
        if (record) return record;
        throw e;
      }
    },
    onSuccess: async () => {
      await refresh();
    },
    onError: async (error) => {
      if (isStaleReview(error) || isLostAnswer(error)) await refresh();
      else if (isAgentGone(error)) {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: agentKeys.agent(agentId), refetchType: 'none' }),
          queryClient.invalidateQueries({ queryKey: agentKeys.lists() }),
        ]);
      }
    },
  });
}
