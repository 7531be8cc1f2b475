/**
 * The agent list's view state lives in the URL so a filtered list can be shared:
 * `?q=<name>&project=<id>&unpublished=1&page=<n>`. Defaults are left out, so the plain list is
 * plain `/agents`.
 */
import { LIMITS } from '@contract';
import { searchText } from './search-text';
export interface AgentListView {
  /** Name search, trimmed; '' when none. */
  q: string;
  projectId: number | null;
  unpublishedOnly: boolean;
  /** 1-based. */
  page: number;
}

export const AGENT_LIST_PAGE_SIZE = 20;
export const AGENT_SEARCH_MAX = LIMITS.search;
const MAX_PAGE = 1_000_000;

export const DEFAULT_AGENT_LIST_VIEW: AgentListView = {
  q: '',
  projectId: null,
  unpublishedOnly: false,
  page: 1,
};

function positiveInt(raw: string | null, max: number): number | null {
  if (raw === null || !/^\d+$/.test(raw.trim())) return null;
  const n = Number(raw.trim());
  return Number.isSafeInteger(n) && n >= 1 && n <= max ? n : null;
}

/** Reads the view from the URL, ignoring anything malformed rather than failing. */
export function parseAgentListView(params: URLSearchParams): AgentListView {
  const unpublished = params.get('unpublished');
  return {
    q: searchText(params.get('q'), AGENT_SEARCH_MAX),
    projectId: positiveInt(params.get('project'), 2_147_483_647),
    unpublishedOnly: unpublished === '1' || unpublished === 'true',
    page: positiveInt(params.get('page'), MAX_PAGE) ?? 1,
  };
}

/** The canonical search string for a view (without `?`); '' for the default view. */
export function agentListSearch(view: AgentListView): string {
  const params = new URLSearchParams();
  const q = view.q.trim();
  if (q) params.set('q', q);
  if (view.projectId !== null) params.set('project', String(view.projectId));
  if (view.unpublishedOnly) params.set('unpublished', '1');
  if (view.page > 1) params.set('page', String(view.page));
  return params.toString();
}

/**
 * Applies a change to the view. Changing what is listed (search or a filter) goes back to the
 * first page, since the old page number means nothing for a different result set.
 */
export function changeAgentListView(
  view: AgentListView,
  change: Partial<Omit<AgentListView, 'page'>> | { page: number },
): AgentListView {
  if ('page' in change) return { ...view, page: Math.max(1, Math.min(MAX_PAGE, Math.floor(change.page))) };
  const next = { ...view, ...change };
  next.q = searchText(next.q, AGENT_SEARCH_MAX);
  const same =
    next.q === view.q && next.projectId === view.projectId && next.unpublishedOnly === view.unpublishedOnly;
  return same ? view : { ...next, page: 1 };
}

export function hasAgentListFilters(view: AgentListView): boolean {
  return view.q !== '' || view.projectId !== null || view.unpublishedOnly;
}

/**
 * The list as the person last left it (its search, filters and page), for the way back from an
 * agent: the breadcrumb returns there, not to the first page of everything. Held for the tab's
 * session with the app; forgotten when someone signs in or out.
 */
let lastListView: AgentListView = DEFAULT_AGENT_LIST_VIEW;

export function rememberAgentListView(view: AgentListView): void {
  lastListView = view;
}

export function forgetAgentListView(): void {
  lastListView = DEFAULT_AGENT_LIST_VIEW;
}

/** The agent list's address, with the view it was last left in. */
export function agentListHref(): string {
  const search = agentListSearch(lastListView);
  return search ? `/agents?${search}` : '/agents';
}
