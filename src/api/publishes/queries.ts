import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { PublishRecord } from '../adapter';
import { versionPageOrder } from '@/lib/version-pages';
import { isBackground } from '../http';
import { agentKeys, type CompareRefKey } from '../keys';
import { fetchCompare, fetchPublish, fetchPublishPage, fetchRevertPreview } from './fetchers';

/** Records per request while scrolling the timeline. */
export const PUBLISH_PAGE_SIZE = 50;
/** Records per request when looking one up (the API's maximum). */
const LOOKUP_PAGE_SIZE = 100;
/** A look-up reads at most this many pages before saying "not found". */
const LOOKUP_MAX_PAGES = 10;

export interface PublishFilters {
  /** E-mail of the publisher. */
  publishedBy?: string;
  /** Text searched in notes. */
  q?: string;
}

export interface PublishHead {
  latest: PublishRecord | null;
  total: number;
}

export const publishQueries = {
  /** The timeline: pages of records, newest first, fetched as the user scrolls. */
  list: (agentId: number, f: PublishFilters = {}) => {
    const filters = {
      perPage: PUBLISH_PAGE_SIZE,
      publishedBy: f.publishedBy || undefined,
      q: f.q || undefined,
    };
    return infiniteQueryOptions({
      queryKey: agentKeys.publishList(agentId, filters),
      queryFn: ({ pageParam, signal, meta }) =>
        fetchPublishPage(agentId, filters, pageParam, signal, isBackground(meta)),
      initialPageParam: 1,
      getNextPageParam: (last) => (last.page < last.totalPages ? last.page + 1 : undefined),
    });
  },
  /** The newest record of the whole history, and how many there are. */
  head: (agentId: number) =>
    queryOptions({
      queryKey: agentKeys.publishHead(agentId),
      queryFn: async ({ signal, meta }): Promise<PublishHead> => {
        const page = await fetchPublishPage(agentId, { perPage: 1 }, 1, signal, isBackground(meta));
        return { latest: page.items[0] ?? null, total: page.total };
      },
    }),
  /** One unfiltered page of 100, shared by the look-ups below. */
  lookupPage: (agentId: number, page: number) =>
    queryOptions({
      queryKey: agentKeys.publishLookupPage(agentId, page),
      queryFn: ({ signal }) => fetchPublishPage(agentId, { perPage: LOOKUP_PAGE_SIZE }, page, signal),
    }),
  /** A record named by its version (as links carry it); `null` when there is no such version. */
  byVersion: (agentId: number, version: number) =>
    queryOptions({
      queryKey: agentKeys.publishByVersion(agentId, version),
      queryFn: async ({ client }): Promise<PublishRecord | null> => {
        const head = await client.query(publishQueries.head(agentId));
        if (!head.latest) return null;
        if (head.latest.version === version) return head.latest;
        for (const page of versionPageOrder(head.latest.version, version, LOOKUP_PAGE_SIZE)) {
          const res = await client.query(publishQueries.lookupPage(agentId, page));
          const found = res.items.find((r) => r.version === version);
          if (found) return found;
        }
        return null;
      },
    }),
  /**
   * A record named by its change_track_id (rollback markers carry one). Within an agent both
   * change_track_ids and versions grow with each publish, so the search starts at the page of a
   * newer record (`newerVersion`, such as the publish carrying the marker) and walks back.
   */
  byChangeTrackId: (agentId: number, changeTrackId: number, newerVersion: number) =>
    // `newerVersion` only says where to start looking; the answer is the same from anywhere.
    // eslint-disable-next-line @tanstack/query/exhaustive-deps
    queryOptions({
      queryKey: agentKeys.publishByChangeTrackId(agentId, changeTrackId),
      queryFn: async ({ client }): Promise<PublishRecord | null> => {
        const head = await client.query(publishQueries.head(agentId));
        if (!head.latest) return null;
        const start = versionPageOrder(head.latest.version, newerVersion, LOOKUP_PAGE_SIZE)[0] ?? 1;
        for (let page = start; page < start + LOOKUP_MAX_PAGES; page++) {
          const res = await client.query(publishQueries.lookupPage(agentId, page));
          const found = res.items.find((r) => r.changeTrackId === changeTrackId);
          if (found) return found;
          const oldest = res.items.at(-1);
          if (!oldest || oldest.changeTrackId < changeTrackId || page >= res.totalPages) break;
        }
        return null;
      },
    }),
  /** A record with its full configuration. [ext] */
  detail: (agentId: number, changeTrackId: number) =>
    queryOptions({
      queryKey: agentKeys.publish(agentId, changeTrackId),
      queryFn: ({ signal }) => fetchPublish(agentId, changeTrackId, signal),
    }),
  /** Depends on staging as it is now, so it is fetched afresh each time a preview opens. */
  revertPreview: (agentId: number, changeTrackId: number) =>
    queryOptions({
      queryKey: agentKeys.revertPreview(agentId, changeTrackId),
      queryFn: ({ signal }) => fetchRevertPreview(agentId, changeTrackId, signal),
      staleTime: 0,
    }),
  /** The diff between two refs. [ext] */
  compare: (agentId: number, from: CompareRefKey, to: CompareRefKey) =>
    queryOptions({
      queryKey: agentKeys.compare(agentId, from, to),
      queryFn: ({ signal }) => fetchCompare(agentId, from, to, signal),
      // Two published records never change; only live and staging move.
      ...(typeof from === 'number' && typeof to === 'number' ? { staleTime: Infinity } : {}),
    }),
};
