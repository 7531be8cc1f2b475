import { useCallback, useEffect } from 'react';
import { useParams } from 'react-router';
import { AgentLayout } from '@/features/agents/layout/agent-layout';
import { AgentLoadError } from '@/features/agents/layout/agent-load-error';
import type { AgentTab } from '@/features/agents/layout/agent-tabs';
import { screens } from '../screens';
import { prefetchAgentTab } from './loaders';

const TAB_SCREENS: Record<AgentTab, () => Promise<unknown>> = {
  edit: screens.agentEdit,
  review: screens.agentReview,
  history: screens.agentHistory,
};

/** How long after the agent opens its other tabs' code starts loading, when the page is idle. */
const PRELOAD_AFTER_MS = 1500;

export function Component() {
  const { agentId } = useParams();
  const id = Number(agentId);
  // People move between Edit, Review and History all day: once the page has settled, fetch the
  // other tabs' code (and the diff viewer with it), so a click waits for data alone.
  useEffect(() => {
    let idle: number | undefined;
    const timer = window.setTimeout(() => {
      const preload = () => Object.values(TAB_SCREENS).forEach((load) => void load().catch(ignore));
      if ('requestIdleCallback' in window) idle = window.requestIdleCallback(preload, { timeout: 5000 });
      else preload();
    }, PRELOAD_AFTER_MS);
    return () => {
      window.clearTimeout(timer);
      if (idle !== undefined) window.cancelIdleCallback(idle);
    };
  }, []);
  const onTabIntent = useCallback(
    (tab: AgentTab) => {
      void TAB_SCREENS[tab]().catch(ignore);
      prefetchAgentTab(id, tab);
    },
    [id],
  );
  return <AgentLayout key={id} agentId={id} onTabIntent={onTabIntent} />;
}

/** A chunk that fails to load here is asked for again, and reported, when its tab opens. */
const ignore = () => undefined;

export function ErrorBoundary() {
  const { agentId } = useParams();
  return <AgentLoadError key={agentId} agentIdParam={agentId} />;
}
