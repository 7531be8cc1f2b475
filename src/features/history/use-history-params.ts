import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { type HistoryRef, parseHistoryParams, patchParams } from '@/lib/history-params';

/** The History tab's URL state, parsed, with the few ways the screen changes it. */
export function useHistoryParams() {
  const [searchParams, setSearchParams] = useSearchParams();
  const params = useMemo(() => parseHistoryParams(searchParams), [searchParams]);

  /** A link target (search string) selecting a version; leaves compare mode. */
  const versionHref = useCallback(
    (version: number) => `?${patchParams(searchParams, { version, from: null, to: null }).toString()}`,
    [searchParams],
  );

  const selectVersion = useCallback(
    (version: number | null) =>
      setSearchParams((prev) => patchParams(prev, { version, from: null, to: null })),
    [setSearchParams],
  );

  const setCompare = useCallback(
    (pair: { from: HistoryRef; to: HistoryRef } | null) =>
      setSearchParams((prev) => patchParams(prev, { from: pair?.from ?? null, to: pair?.to ?? null })),
    [setSearchParams],
  );

  /** Filters replace the history entry: typing should not fill the back button. */
  const setFilters = useCallback(
    (f: { publishedBy?: string; q?: string }) =>
      setSearchParams(
        (prev) =>
          patchParams(prev, {
            ...(f.publishedBy !== undefined ? { by: f.publishedBy.trim() } : {}),
            ...(f.q !== undefined ? { q: f.q.trim() } : {}),
          }),
        { replace: true },
      ),
    [setSearchParams],
  );

  return { params, versionHref, selectVersion, setCompare, setFilters };
}
