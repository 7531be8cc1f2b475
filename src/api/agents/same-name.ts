import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { LIMITS } from '@contract';
import type { AgentSummary } from '../adapter';
import { agentQueries } from './queries';

/** How long the name must rest before the project is searched for it: not on every key. */
const SEARCH_DELAY_MS = 300;

const spoken = (name: string) => name.trim().replace(/\s+/g, ' ');

/** Two names people would take for one: case, and spaces around and between words, aside. */
export function isSameAgentName(a: string, b: string): boolean {
  return spoken(a).localeCompare(spoken(b), undefined, { sensitivity: 'accent' }) === 0;
}

/** The agent of the project that already goes by `name`, among `agents` (but `exceptId`), if any. */
export function findSameNameAgent(
  agents: readonly AgentSummary[],
  name: string,
  projectId: number,
  exceptId?: number,
): AgentSummary | null {
  return (
    agents.find((a) => a.id !== exceptId && a.project.id === projectId && isSameAgentName(a.name, name)) ??
    null
  );
}

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
  const [settled] = useDebouncedValue(spoken(name), SEARCH_DELAY_MS);
  const enabled = projectId !== null && settled !== '' && settled.length <= LIMITS.agentName;
  const matches = useQuery({
    ...agentQueries.list({ page: 1, perPage: 100, q: settled, projectId: projectId ?? undefined }),
    enabled,
  });
  if (projectId === null || name.trim() === '' || !matches.data) return null;
  return findSameNameAgent(matches.data.items, name, projectId, exceptId);
}
