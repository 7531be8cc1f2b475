import { Container, Stack } from '@mantine/core';
import { showToast } from '@/components/toasts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { agentQueries, canDeleteAgent } from '@/api/agents/queries';
import { isApiError } from '@/api/api-error';
import { agentKeys } from '@/api/keys';
import { ContentErrorBoundary } from '@/components/content-error-boundary';
import { usePageTitle } from '@/components/use-page-title';
import { agentListHref } from '@/lib/agent-list-view';
import type { AgentListLocationState } from '../list/use-agent-list-view';
import { AgentHeader } from './agent-header';
import { AgentHeaderSkeleton } from './agent-header-skeleton';
import { AGENT_TABS, type AgentTab, AgentTabs, agentTabFromPath } from './agent-tabs';
import { DeleteAgentModal } from './delete-agent-modal';
import { RolledBackBanner } from './rolled-back-banner';

export interface AgentLayoutProps {
  agentId: number;
  /** A tab may be opened next (see AgentTabs): a chance to fetch what it needs. */
  onTabIntent?: (tab: AgentTab) => void;
}

/** Header, revert banner and tabs around whichever tab the URL opens. */
export function AgentLayout({ agentId, onTabIntent }: AgentLayoutProps) {
  const detail = useQuery(agentQueries.detail(agentId));
  const permissions = useQuery(agentQueries.permissions(agentId));
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [deleting, setDeleting] = useState(false);
  const askToDelete = useCallback(() => setDeleting(true), []);
  const closeDelete = useCallback(() => setDeleting(false), []);
  // The menu item that opened the dialog is gone by then: the focus goes back to the menu's button.
  const actionsButton = useRef<HTMLButtonElement>(null);
  const focusActions = useCallback(() => actionsButton.current?.focus(), []);
  const agentName = detail.data?.config.agent_settings.agent_name ?? '';
  const tab = AGENT_TABS.find((t) => t.value === agentTabFromPath(pathname, agentId));
  usePageTitle(agentName ? (tab ? `${agentName} · ${tab.label}` : agentName) : null);
  // What is cached about a deleted agent goes once its screen is gone. Not before: the router
  // keeps the old screen on view until the list is ready, and a query removed under a screen
  // still showing it is fetched again, into a 404 that screen would throw.
  const deleted = useRef({ agentId: null as number | null });
  useEffect(() => {
    const gone = deleted.current;
    return () => {
      if (gone.agentId === agentId) queryClient.removeQueries({ queryKey: agentKeys.agent(agentId) });
    };
  }, [agentId, queryClient]);
  const onDeleted = useCallback(() => {
    deleted.current.agentId = agentId;
    showToast({ message: `“${agentName}” was deleted.` });
    // Back to the list as it was left (its search, filters and page), as the breadcrumb goes.
    const state: AgentListLocationState = { afterDelete: true };
    void navigate(agentListHref(), { replace: true, state });
  }, [agentName, agentId, navigate]);

  // No agent to show (or it has just been deleted by someone): the route's error boundary says why.
  if (detail.isError && (!detail.data || (isApiError(detail.error) && detail.error.status === 404))) {
    throw detail.error;
  }
  const agent = detail.data;

  return (
    <Container size={1600} py="lg" px={{ base: 'md', md: 'xl' }}>
      <Stack gap="md">
        {agent ? (
          <AgentHeader
            agent={agent}
            onDelete={canDeleteAgent(permissions.data) ? askToDelete : undefined}
            actionsRef={actionsButton}
          />
        ) : (
          <AgentHeaderSkeleton />
        )}
        {agent?.rolledBackTo && (
          <RolledBackBanner
            agentId={agentId}
            rolledBackTo={agent.rolledBackTo}
            lastEdit={{ by: agent.modifiedBy, on: agent.modifiedOn }}
          />
        )}
        <AgentTabs agentId={agentId} onIntent={onTabIntent} />
        <ContentErrorBoundary
          resetKey={pathname}
          title="This tab could not be shown"
          onReset={() => queryClient.resetQueries({ queryKey: agentKeys.agent(agentId), type: 'inactive' })}
        >
          <Outlet />
        </ContentErrorBoundary>
      </Stack>
      {agent && (
        <DeleteAgentModal
          opened={deleting}
          agentId={agentId}
          agentName={agentName}
          onClose={closeDelete}
          onDeleted={onDeleted}
          onClosed={focusActions}
        />
      )}
    </Container>
  );
}
