import { memo } from 'react';
import { Tabs } from '@mantine/core';
import { Link, useLocation } from 'react-router';

export const AGENT_TABS = [
  { value: 'edit', label: 'Edit' },
  { value: 'review', label: 'Review changes' },
  { value: 'history', label: 'History' },
] as const;
export type AgentTab = (typeof AGENT_TABS)[number]['value'];

/** The tab the URL is on: `/agents/12/review/…` → 'review'. */
export function agentTabFromPath(pathname: string, agentId: number): AgentTab | null {
  const rest = pathname.split(`/agents/${agentId}/`)[1] ?? '';
  const segment = rest.split('/')[0];
  return AGENT_TABS.find((t) => t.value === segment)?.value ?? null;
}

export interface AgentTabsProps {
  agentId: number;
  /** The pointer came over a tab, or a tab got the focus: a click may follow. */
  onIntent?: (tab: AgentTab) => void;
}

/**
 * Tabs that are links: the URL is the state, so a tab can be opened in a new window, shared or
 * reached with Back. Arrow keys move between them as in any tab list.
 */
export const AgentTabs = memo(function AgentTabs({ agentId, onIntent }: AgentTabsProps) {
  const { pathname } = useLocation();
  const active = agentTabFromPath(pathname, agentId);
  return (
    <Tabs value={active} activateTabWithKeyboard={false} aria-label="Agent sections">
      <Tabs.List>
        {AGENT_TABS.map((t) => (
          <Tabs.Tab
            key={t.value}
            value={t.value}
            onPointerEnter={() => onIntent?.(t.value)}
            onFocus={() => onIntent?.(t.value)}
            renderRoot={(props) => <Link {...props} to={`/agents/${agentId}/${t.value}`} />}
          >
            {t.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
});
