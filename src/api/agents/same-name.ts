import { useDebouncedValue } from '@mantine/hooks';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { LIMITS } from '@contract';
import { findSameNameAgent, isSameAgentName, spokenName } from '@/lib/agent-name';
import type { AgentSummary } from '../adapter';
import { agentKeys } from '../keys';
import { fetchAgents } from './fetchers';

/** How long the name must rest before the project is searched for it: not on every key. */
const SEARCH_DELAY_MS = 300;
const PER_PAGE = 100;
/** The search matches descriptions too: a short name ("HR") may be in hundreds of them. */
const MAX_PAGES = 10;

/**
 * The agents of the project whose name is `name` as people say it. The list's search finds the
 * text anywhere in a name or a description, so the pages are read until every match is seen
 * (up to a thousand agents).
 */
export const sameNameQuery = (projectId: number, name: string) =>
  queryOptions({
    queryKey: agentKeys.sameName(projectId, name),
    queryFn: async ({ signal }) => {
      const found: AgentSummary[] = [];
      for (let page = 1; page <= MAX_PAGES; page++) {
        const result = await fetchAgents({ page, perPage: PER_PAGE, q: name, projectId }, signal);
        found.push(...result.items.filter((a) => isSameAgentName(a.name, name)));
        if (page >= result.totalPages) break;
      }
      return found;
    },
    staleTime: 30_000,
  });

/**
 * Another agent of the project already called `name`. The contract lets names repeat, so this
 * only warns: two agents with one name are easy to mix up in the list, in reviews and in history.
 * Always judged against the name and project as they are now, so an answer for an earlier
 * keystroke never warns about a name that is no longer typed.
 */
export function useSameNameAgent(
  name: string,
  projectId: number | null,
  /** The agent being renamed, which may keep its own name. */
  exceptId?: number,
): AgentSummary | null {
  // Searched as people would say it: the server's search matches text as written, so a doubled
  // space typed here would otherwise hide the agent it repeats.
  const [settled] = useDebouncedValue(spokenName(name), SEARCH_DELAY_MS);
  const enabled = projectId !== null && settled !== '' && settled.length <= LIMITS.agentName;
  const matches = useQuery({ ...sameNameQuery(projectId ?? 0, settled), enabled });
  if (projectId === null || spokenName(name) === '' || !matches.data) return null;
  return findSameNameAgent(matches.data, name, projectId, exceptId);
}
