import { useCallback, useEffect } from 'react';
import { useParams } from 'react-router';
import { idParamSchema } from '@contract';
import { whenQuiet } from '@/lib/when-quiet';
import { AgentLayout } from '@/features/agents/layout/agent-layout';
import { AgentLoadError } from '@/features/agents/layout/agent-load-error';
import { agentTabFromPath, type AgentTab } from '@/features/agents/layout/agent-tabs';
import { UnsavedDrafts } from '@/features/editor/unsaved-drafts';
import { screens } from '../screens';
import { prefetchAgentTab, prefetchInPause } from './loaders';

const TAB_SCREENS: Record<AgentTab, () => Promise<unknown>> = {
  edit: screens.agentEdit,
  review: screens.agentReview,
  history: screens.agentHistory,
};

/** How long the person must leave keys and pointer alone before the other tabs' code loads. */
const PRELOAD_AFTER_QUIET_MS = 1500;

export function Component() {
  const { agentId } = useParams();
  const id = Number(agentId);
  // People move between Edit, Review and History all day: whenever the person pauses (never
  // between two keys), fetch the other tabs' code (and the diff viewer with it) and their data,
  // so a click on a tab rarely waits at all.
  useEffect(
    () =>
      whenQuiet(
        () => {
          Object.values(TAB_SCREENS).forEach((load) => void load().catch(ignore));
          prefetchInPause(id, agentTabFromPath(window.location.pathname, id));
        },
        {
          quietMs: PRELOAD_AFTER_QUIET_MS,
          events: ['keydown', 'pointerdown', 'wheel'],
          target: window,
          repeat: true,
          idle: (run) => {
            if (!('requestIdleCallback' in window)) {
              run();
              return () => undefined;
            }
            const handle = window.requestIdleCallback(run, { timeout: 5000 });
            return () => window.cancelIdleCallback(handle);
          },
        },
      ),
    [id],
  );
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
  // An agent deleted while someone edited it: what they typed stays on screen, to copy out.
  // Read as the route reads ids: `1e2` names no agent, not agent 100.
  const id = idParamSchema.safeParse(agentId);
  return (
    <AgentLoadError
      key={agentId}
      agentIdParam={agentId}
      unsaved={id.success ? <UnsavedDrafts agentId={id.data} /> : null}
    />
  );
}
