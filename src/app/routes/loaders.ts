import type { LoaderFunctionArgs, ShouldRevalidateFunctionArgs } from 'react-router';
import { agentQueries } from '@/api/agents/queries';
import { authQueries } from '@/api/auth/queries';
import { catalogQueries } from '@/api/catalog/queries';
import { publishQueries } from '@/api/publishes/queries';
import { BACKGROUND_META } from '@/api/http';
import { getSession } from '@/api/session';
import { agentListFilters } from '@/features/agents/list/use-agent-list-view';
import type { AgentTab } from '@/features/agents/layout/agent-tabs';
import { agentListSearch, parseAgentListView } from '@/lib/agent-list-view';
import { parseHistoryParams } from '@/lib/history-params';
import { signInPathFor } from '@/lib/safe-next-path';
import { idParamSchema } from '@contract';
import type { Diff } from '@/api/adapter';
import { queryClient } from '../query-client';
import { loaderRedirect } from './loader-redirect';
import { screens } from '../screens';

/**
 * Every route's loader, apart from the screens' code and in the first bundle (about 3 kB): on a
 * page load the API calls leave before the screen's code is asked for (see router.tsx), so a
 * 3 MB staging diff is often there before the diff viewer. Loaders only warm the query cache;
 * screens read through the same query options.
 */

export function agentIdOf(raw: string | undefined): number {
  const parsed = idParamSchema.safeParse(raw);
  if (!parsed.success) throw new Response('Not found', { status: 404 });
  return parsed.data;
}

const ignore = () => undefined;

/**
 * The guard: no session, no console. The sign-in page brings the user back here afterwards.
 * The screens' loaders run beside it and ask for nothing without a session (the API would
 * answer each with a 401).
 */
export function shellLoader({ request }: LoaderFunctionArgs) {
  if (!getSession()) {
    const url = new URL(request.url);
    throw loaderRedirect(signInPathFor(`${url.pathname}${url.search}${url.hash}`));
  }
  void queryClient.query(authQueries.me()).catch(ignore);
  return null;
}

/**
 * Warms the cache for the page the URL asks for; never waits for it. A URL the list cannot read
 * in full (`?page=1`, `?page=abc`, a parameter it does not know) is put right here, within the
 * navigation, not by the screen afterwards: the screen's fix-up is relative to wherever the router
 * is by then, and on an expired session that is already the sign-in page, whose `next` it lost.
 */
export function agentListLoader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const view = parseAgentListView(url.searchParams);
  const canonical = agentListSearch(view);
  if (url.searchParams.toString() !== canonical) {
    throw loaderRedirect(`${url.pathname}${canonical ? `?${canonical}` : ''}${url.hash}`);
  }
  if (getSession()) {
    void queryClient.query(agentQueries.list(agentListFilters(view))).catch(ignore);
    void queryClient.query(catalogQueries.projects()).catch(ignore);
  }
  return null;
}

/** The agent and the user's permissions, for the header and the tabs; never waits for them. */
export function agentLoader({ params }: LoaderFunctionArgs) {
  const id = agentIdOf(params.agentId);
  if (getSession()) {
    void queryClient.query(agentQueries.detail(id)).catch(ignore);
    void queryClient.query(agentQueries.permissions(id)).catch(ignore);
  }
  return null;
}

/**
 * The agent and the permissions (awaited, so a failure reaches the error boundary), and the
 * pickers' catalogues in the background.
 */
export async function agentEditLoader({ params }: LoaderFunctionArgs) {
  const agentId = agentIdOf(params.agentId);
  if (!getSession()) return null;
  void queryClient.query(catalogQueries.llmConfigs()).catch(ignore);
  void queryClient.query(catalogQueries.agentTypes()).catch(ignore);
  void queryClient.query(catalogQueries.corpora()).catch(ignore);
  void queryClient.query(catalogQueries.tools()).catch(ignore);
  void queryClient.query(agentQueries.guardrailTypes(agentId)).catch(ignore);
  await Promise.all([
    queryClient.query(agentQueries.detail(agentId)),
    queryClient.query(agentQueries.permissions(agentId)),
  ]);
  return null;
}

/**
 * What an agent tab's loader will ask for beyond what the agent page already holds (the agent
 * and the permissions), started while the pointer is over the tab or the tab has the focus: by
 * the click it is on its way or in the cache (fresh for the query client's stale time), and the
 * loader finds it there. A query that has failed is left alone: starting it again would take its
 * error, and the "Try again" beside it, off the screen while the person reads it. These are
 * warm-ups: a session found expired here does not send the person to sign in (the click will).
 */
export function prefetchAgentTab(agentId: number, tab: AgentTab): void {
  if (!getSession()) return;
  const failed = (queryKey: readonly unknown[]) => queryClient.getQueryState(queryKey)?.status === 'error';
  if (tab === 'review') {
    const diff = agentQueries.stagingDiff(agentId);
    if (!failed(diff.queryKey)) {
      void queryClient.query({ ...diff, meta: BACKGROUND_META }).then(startTextDiffs, ignore);
    }
  }
  if (tab === 'history') {
    const head = publishQueries.head(agentId);
    const list = publishQueries.list(agentId);
    if (!failed(head.queryKey)) void queryClient.query({ ...head, meta: BACKGROUND_META }).catch(ignore);
    if (!failed(list.queryKey)) {
      void queryClient.infiniteQuery({ ...list, meta: BACKGROUND_META }).catch(ignore);
    }
  }
}

/**
 * For each state of an agent (its cached detail: a refetch that finds nothing changed leaves the
 * same object), the tabs whose data a pause has fetched.
 */
const fetchedInPause = new WeakMap<object, Set<'review' | 'history'>>();

/**
 * In a pause on an agent page (see routes/agent.tsx), what the other tabs will show, so a click
 * on them finds it here: the staging diff when the agent has unpublished changes (its long texts
 * then go to the worker, so their line diffs are ready too), and the first page of the history.
 * Once per state of the agent: until the agent changes (an edit, a publish, someone else's save
 * seen on a refetch), later pauses fetch none of it again, unless it was dropped or marked out
 * of date, so an idle page never polls (reading a 100,000-line diff is a task of 80–200 ms).
 * Never the open tab's own data, which its screen keeps up to date.
 */
export function prefetchInPause(agentId: number, onTab: AgentTab | null): void {
  if (!getSession()) return;
  const agent = queryClient.getQueryData(agentQueries.detail(agentId).queryKey);
  if (!agent) return;
  let fetched = fetchedInPause.get(agent);
  if (!fetched) fetchedInPause.set(agent, (fetched = new Set()));
  const held = (queryKey: readonly unknown[]) => {
    const state = queryClient.getQueryState(queryKey);
    return state?.data !== undefined && !state.isInvalidated;
  };
  const once = (tab: 'review' | 'history', queryKeys: (readonly unknown[])[]) => {
    if (fetched.has(tab) && queryKeys.every(held)) return;
    fetched.add(tab);
    prefetchAgentTab(agentId, tab);
  };
  if (onTab !== 'review' && agent.hasUnpublishedChanges) {
    once('review', [agentQueries.stagingDiff(agentId).queryKey]);
  }
  if (onTab !== 'history') {
    once('history', [publishQueries.head(agentId).queryKey, publishQueries.list(agentId).queryKey]);
  }
}

/** The diff (awaited, so a failure reaches the error boundary) and the permissions. */
export async function agentReviewLoader({ params }: LoaderFunctionArgs) {
  const agentId = agentIdOf(params.agentId);
  if (!getSession()) return null;
  void queryClient.query(agentQueries.permissions(agentId)).catch(ignore);
  startTextDiffs(await queryClient.query(agentQueries.stagingDiff(agentId)));
  return null;
}

/**
 * Starts the worker on the long texts of a staging diff, so their line diffs are on the way
 * while the Review screen renders (or, from a pointer on the tab, before the click). The code
 * comes with the Review screen's module, which the tab preloads and the router opens anyway;
 * once it is in, the hand-over happens in the task the diff arrived in (see screens.ts).
 */
function startTextDiffs(diff: Diff): void {
  void screens.agentReview().then(({ prepareTextDiffs }) => prepareTextDiffs(diff), ignore);
}

/**
 * The first page of the timeline (awaited, so a failure reaches the error boundary), the newest
 * record and the permissions.
 */
export async function agentHistoryLoader({ params, request }: LoaderFunctionArgs) {
  const agentId = agentIdOf(params.agentId);
  if (!getSession()) return null;
  const { publishedBy, q } = parseHistoryParams(new URL(request.url).searchParams);
  void queryClient.query(agentQueries.permissions(agentId)).catch(ignore);
  void queryClient.query(publishQueries.head(agentId)).catch(ignore);
  await queryClient.infiniteQuery(publishQueries.list(agentId, { publishedBy, q }));
  return null;
}

/**
 * Selecting a record, comparing or filtering changes only the query string; the screen fetches
 * what it needs itself, so a change of the query string alone does not run the loader again.
 */
export function agentHistoryShouldRevalidate({
  currentUrl,
  nextUrl,
  defaultShouldRevalidate,
}: ShouldRevalidateFunctionArgs) {
  if (currentUrl.pathname === nextUrl.pathname && currentUrl.search !== nextUrl.search) return false;
  return defaultShouldRevalidate;
}
