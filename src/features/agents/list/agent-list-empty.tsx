import { Button, EmptyState } from '@mantine/core';
import type { ReactNode } from 'react';
import { ConsoleIcon } from '@/components/console-icon';
import { hasAgentListFilters, type AgentListView } from '@/lib/agent-list-view';

export interface AgentListEmptyProps {
  view: AgentListView;
  /** Pages there are for this search (0 when nothing matched). */
  totalPages: number;
  onClearFilters: () => void;
  onFirstPage: () => void;
  /** The "New agent" button, when the user may create one. */
  createAction?: ReactNode;
}

/** Why the list is empty, in one sentence, with the way out. */
export function AgentListEmpty({
  view,
  totalPages,
  onClearFilters,
  onFirstPage,
  createAction,
}: AgentListEmptyProps) {
  if (totalPages > 0 && view.page > totalPages) {
    return (
      <EmptyState
        icon={<ConsoleIcon name="file-off" size={28} />}
        title={`There is no page ${view.page}`}
        description={`This list has ${totalPages} ${totalPages === 1 ? 'page' : 'pages'}.`}
      >
        <EmptyState.Actions>
          <Button variant="default" onClick={onFirstPage}>
            Go to the first page
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    );
  }

  if (hasAgentListFilters(view)) {
    const others = view.projectId !== null || view.unpublishedOnly;
    const title = view.q
      ? `No agents match “${view.q}”${others ? ' with these filters' : ''}`
      : view.unpublishedOnly && view.projectId === null
        ? 'No agent has unpublished changes'
        : 'No agents match these filters';
    const description =
      view.unpublishedOnly && !view.q && view.projectId === null
        ? 'Staging matches production for every agent: there is nothing waiting to be published.'
        : 'Try another name or project, or clear the filters to see every agent.';
    return (
      <EmptyState
        icon={<ConsoleIcon name="search" size={28} />}
        title={title}
        description={description}
        // The search may be one long word (a pasted address): it breaks rather than widening a phone's page.
        style={{ overflowWrap: 'anywhere' }}
      >
        <EmptyState.Actions>
          <Button variant="default" onClick={onClearFilters}>
            Clear filters
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    );
  }

  return (
    <EmptyState
      icon={<ConsoleIcon name="robot" size={28} />}
      variant="light"
      title="No agents yet"
      description={
        createAction
          ? 'Create the first one. Each agent appears here with what is live and what is waiting to be published.'
          : 'When an editor creates an agent, it appears here with what is live and what is waiting to be published.'
      }
    >
      {createAction && <EmptyState.Actions>{createAction}</EmptyState.Actions>}
    </EmptyState>
  );
}
