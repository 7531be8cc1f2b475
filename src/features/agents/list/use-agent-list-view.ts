import { useCallback, useEffect, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { AgentListFilters } from '@/api/keys';
import {
  AGENT_LIST_PAGE_SIZE,
  DEFAULT_AGENT_LIST_VIEW,
  agentListSearch,
  changeAgentListView,
  parseAgentListView,
  rememberAgentListView,
  type AgentListView,
} from '@/lib/agent-list-view';

/** What the API is asked for, given what the URL says. */
export function agentListFilters(view: AgentListView): AgentListFilters {
  return {
    page: view.page,
    perPage: AGENT_LIST_PAGE_SIZE,
    q: view.q || undefined,
    projectId: view.projectId ?? undefined,
    unpublishedOnly: view.unpublishedOnly || undefined,
  };
}

/**
 * Location state for the list once an agent has been deleted from its header: if that emptied the
 * page the list was left on, the list moves to the last page there is rather than saying the page
 * does not exist (a URL typed or bookmarked past the end still says so).
 */
export interface AgentListLocationState {
  afterDelete: true;
}

export function isAfterDelete(state: unknown): state is AgentListLocationState {
  return (
    typeof state === 'object' && state !== null && (state as { afterDelete?: unknown }).afterDelete === true
  );
}

type ViewChange = Parameters<typeof changeAgentListView>[1];

/** The list's view state, read from and written to the URL (`?q&project&unpublished&page`). */
export function useAgentListView() {
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => parseAgentListView(params), [params]);
  useEffect(() => rememberAgentListView(view), [view]);
  // A URL the list cannot read in full (`?page=abc`, `?unpublished=maybe`, a parameter twice, one
  // it does not know) is put right in place, so what is shared or bookmarked is what is shown.
  useEffect(() => {
    const canonical = agentListSearch(view);
    if (params.toString() !== canonical) {
      setParams(new URLSearchParams(canonical), { replace: true, preventScrollReset: true });
    }
  }, [params, view, setParams]);

  /** `replace` for keystrokes (typing should not fill the history), a new entry otherwise. */
  const change = useCallback(
    (c: ViewChange, opts: { replace?: boolean } = {}) => {
      setParams(
        (prev) => new URLSearchParams(agentListSearch(changeAgentListView(parseAgentListView(prev), c))),
        {
          replace: opts.replace,
          preventScrollReset: !('page' in c),
        },
      );
    },
    [setParams],
  );

  const clear = useCallback(() => {
    setParams(new URLSearchParams(agentListSearch(DEFAULT_AGENT_LIST_VIEW)));
  }, [setParams]);

  return { view, change, clear };
}
