import { z } from 'zod';
import {
  diffSchema,
  publishListWireSchema,
  publishRecordDetailWireSchema,
  revertPreviewWireSchema,
  type RollbackBody,
} from '@contract';
import { toDiff, toPublishPage, toPublishRecordDetail, toRevertPreview } from '../adapter';
import { isApiError } from '../api-error';
import { apiGet, apiSend } from '../http';
import type { CompareRefKey, PublishListFilters } from '../keys';

const base = (agentId: number) => `/api/v2/agents/${agentId}`;

/** One page of the publish history, newest first. */
export async function fetchPublishPage(
  agentId: number,
  f: PublishListFilters,
  page: number,
  signal?: AbortSignal,
  /** A warm-up: see `RequestOptions.background`. */
  background = false,
) {
  const wire = await apiGet(`${base(agentId)}/publishes`, publishListWireSchema, {
    signal,
    background,
    query: {
      page,
      items_per_page: f.perPage,
      published_by: f.publishedBy?.trim() || undefined,
      q: f.q?.trim() || undefined,
    },
  });
  return toPublishPage(wire);
}

/** A record with the full configuration it made live. [ext] */
export async function fetchPublish(agentId: number, changeTrackId: number, signal?: AbortSignal) {
  const wire = await apiGet(`${base(agentId)}/publishes/${changeTrackId}`, publishRecordDetailWireSchema, {
    signal,
  });
  return toPublishRecordDetail(wire);
}

/** What reverting to a record would change in staging, and then in production. */
export async function fetchRevertPreview(agentId: number, changeTrackId: number, signal?: AbortSignal) {
  const wire = await apiGet(`${base(agentId)}/publishes/${changeTrackId}/diff`, revertPreviewWireSchema, {
    signal,
  });
  return toRevertPreview(wire);
}

/** The diff between two refs: `production`, `staging` or a change_track_id. [ext] */
export async function fetchCompare(
  agentId: number,
  from: CompareRefKey,
  to: CompareRefKey,
  signal?: AbortSignal,
) {
  const wire = await apiGet(`${base(agentId)}/compare`, diffSchema, {
    signal,
    query: { from, to },
  });
  return toDiff(wire);
}

/**
 * Staging becomes the configuration a record made live; production is untouched. With the
 * staging revision the preview was shown against, a staging edited since gets 412 instead of
 * being overwritten unseen. The contract does not fix the answer's shape, and the caller
 * refetches the agent anyway, so any `data` is accepted.
 */
export async function rollbackAgent(agentId: number, changeTrackId: number, stagingRevision?: number) {
  const body: RollbackBody = { change_track_id: changeTrackId };
  await apiSend('PUT', `${base(agentId)}/rollback`, z.unknown(), { body, ifMatch: stagingRevision });
}

/**
 * Extension endpoints ([ext] in the contract) may be missing on a real tenant: a 404 or 405
 * from them means "not offered here", and the app hides the feature instead of failing.
 */
export function isNotOffered(error: unknown): boolean {
  return isApiError(error) && (error.status === 404 || error.status === 405);
}
