import type { ComboboxItem, ComboboxItemGroup } from '@mantine/core';
import type { Project } from '@contract';

/** Projects grouped by team, both in alphabetical order, for a Select. */
export function projectSelectData(projects: readonly Project[]): ComboboxItemGroup<ComboboxItem, string>[] {
  const byTeam = new Map<string, ComboboxItem[]>();
  for (const p of projects) {
    const items = byTeam.get(p.team.name) ?? [];
    items.push({ value: String(p.id), label: p.name });
    byTeam.set(p.team.name, items);
  }
  return [...byTeam.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([group, items]) => ({ group, items: items.sort((a, b) => a.label.localeCompare(b.label)) }));
}
