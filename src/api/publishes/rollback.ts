import { type QueryClient, type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { type ApiError, isApiError, isLostAnswer } from '../api-error';
import { fetchAgent } from '../agents/fetchers';
import { refreshAgentQueries } from '../agents/queries';
import { authQueries } from '../auth/queries';
import { agentKeys } from '../keys';
import { rollbackAgent } from './fetchers';

export interface RollbackInput {
  changeTrackId: number;
  /** The staging revision the preview was read against, sent as `If-Match`. */
  stagingRevision?: number;
  /**
   * When staging's rolled-back marker was set, as the preview read it (null: no marker). An
   * earlier revert to the same publish leaves a marker that edits do not clear; a revert that
   * went through sets a new one.
   */
  rolledBackOn?: string | null;
  /**
   * The preview said staging goes back to what production holds: the revert only discards
   * staging's edits, and leaves no rolled-back marker (nothing is waiting to go live).
   */
  discardOnly?: boolean;
}

const startsWith = (key: QueryKey, prefix: QueryKey) => prefix.every((part, i) => key[i] === part);

/**
 * A rollback whose answer was lost, after which staging could not be read either (the server is
 * down, say): whether it went through is not known. The lost answer is its `cause`.
 */
export class UnconfirmedRollbackError extends Error {
  override readonly cause: ApiError;

  constructor(cause: ApiError) {
    super(cause.message);
    this.name = 'UnconfirmedRollbackError';
    this.cause = cause;
  }
}

export const isUnconfirmedRollback = (e: unknown): e is UnconfirmedRollbackError =>
  e instanceof UnconfirmedRollbackError;

/**
 * After a lost answer, whether the rollback went through after all: staging, now past the
 * revision the preview was read against, carries a new rolled-back marker naming that publish
 * and this user; or, for a revert that only discards staging's edits, staging now equals
 * production and carries no marker. `false` when it does not, or when the revision or the marker
 * the preview saw is unknown (nothing to tell an older rollback apart by); `null` when staging
 * cannot be read either, so nobody can tell.
 */
export async function rollbackLanded(
  queryClient: QueryClient,
  agentId: number,
  input: RollbackInput,
): Promise<boolean | null> {
  if (input.stagingRevision === undefined || input.rolledBackOn === undefined) return false;
  const revision = input.stagingRevision;
  try {
    const [me, staging] = await Promise.all([
      queryClient.query(authQueries.me()),
      fetchAgent(agentId, 'staging'),
    ]);
    const marker = staging.rolledBackTo;
    if (input.discardOnly) {
      return staging.stagingRevision > revision && !staging.hasUnpublishedChanges && marker === null;
    }
    return (
      staging.stagingRevision > revision &&
      marker?.changeTrackId === input.changeTrackId &&
      marker.by === me.email &&
      marker.on !== input.rolledBackOn
    );
  } catch {
    return null;
  }
}

/**
 * Reverts staging to what a publish made live. When the answer is lost, staging says whether it
 * went through; if so, that is the success (the modal would otherwise say "nothing was changed"
 * about a staging that did change); if staging cannot be read either, the failure is an
 * `UnconfirmedRollbackError`. Everything about the agent is refetched before
 * the mutation settles (staging, its diff, the rolled-back banner, previews), so the confirm
 * button stays busy until the fresh state is on screen. The timeline is refreshed too but not
 * waited for: a rollback adds no publish record, and a long-scrolled timeline refetches every
 * page it holds.
 */
export function useRollback(agentId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (v: RollbackInput) => {
      try {
        await rollbackAgent(agentId, v.changeTrackId, v.stagingRevision);
      } catch (e) {
        if (!isLostAnswer(e)) throw e;
        const landed = await rollbackLanded(queryClient, agentId, v);
        if (landed === null) throw new UnconfirmedRollbackError(e);
        if (!landed) throw e;
      }
    },
    onSuccess: async () => {
      const timeline = agentKeys.publishLists(agentId);
      void queryClient.invalidateQueries({ queryKey: agentKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: timeline });
      await refreshAgentQueries(queryClient, agentId, (q) => !startsWith(q.queryKey, timeline));
    },
    onError: async (error) => {
      // Staging could not be read just now: refetching would only fail alike, after its retries,
      // holding the outcome back by seconds. What is cached is marked out of date instead, to be
      // read again when the person asks (or comes back to the window).
      if (isUnconfirmedRollback(error)) {
        await queryClient.invalidateQueries({ queryKey: agentKeys.agent(agentId), refetchType: 'none' });
        return;
      }
      // Whatever staging is now, the screen should show it: after a lost answer, and after a 412
      // (staging changed since the preview, so the preview, the revision to send and the list of
      // unpublished edits are all out of date).
      if (isLostAnswer(error) || (isApiError(error) && error.status === 412)) {
        await refreshAgentQueries(queryClient, agentId);
      }
    },
  });
}
