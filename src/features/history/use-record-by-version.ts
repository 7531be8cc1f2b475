import { useQuery } from '@tanstack/react-query';
import type { PublishRecord } from '@/api/adapter';
import { publishQueries } from '@/api/publishes/queries';

export interface RecordByVersion {
  record: PublishRecord | null;
  isPending: boolean;
  /** The history has no such version. */
  notFound: boolean;
  error: unknown;
  refetch: () => unknown;
}

/**
 * A record by version: from the pages already on screen when it is there, otherwise looked up
 * (a link may name a version far down the history). `null` asks for nothing.
 */
export function useRecordByVersion(
  agentId: number,
  version: number | null,
  loaded: ReadonlyMap<number, PublishRecord>,
): RecordByVersion {
  const inList = version === null ? undefined : loaded.get(version);
  const lookup = useQuery({
    ...publishQueries.byVersion(agentId, version ?? 0),
    enabled: version !== null && inList === undefined,
  });
  if (version === null)
    return { record: null, isPending: false, notFound: false, error: null, refetch: noop };
  if (inList) return { record: inList, isPending: false, notFound: false, error: null, refetch: noop };
  return {
    record: lookup.data ?? null,
    isPending: lookup.isPending,
    notFound: lookup.data === null,
    error: lookup.error,
    refetch: () => lookup.refetch(),
  };
}

const noop = () => undefined;
