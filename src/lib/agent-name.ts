/** A name as people say it: spaces around it dropped, each run of spaces inside made one. */
export const spokenName = (name: string): string => name.replace(/\s+/g, ' ').trim();

/** Two names people would take for one: case, and spaces around and between words, aside. */
export function isSameAgentName(a: string, b: string): boolean {
  return spokenName(a).localeCompare(spokenName(b), undefined, { sensitivity: 'accent' }) === 0;
}

interface NamedAgent {
  id: number;
  name: string;
  project: { id: number };
}

/** The agent of the project that already goes by `name`, among `agents` (but `exceptId`), if any. */
export function findSameNameAgent<A extends NamedAgent>(
  agents: readonly A[],
  name: string,
  projectId: number,
  exceptId?: number,
): A | null {
  return (
    agents.find((a) => a.id !== exceptId && a.project.id === projectId && isSameAgentName(a.name, name)) ??
    null
  );
}
