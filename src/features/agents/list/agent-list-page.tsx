import { Button, Container, Group, Pagination, Stack, Switch, Text, Title } from '@mantine/core';
import { showToast } from '@/components/toasts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { agentQueries } from '@/api/agents/queries';
import { errorMessage } from '@/api/api-error';
import { ConsoleIcon } from '@/components/console-icon';
import { PageError } from '@/components/page-error';
import { usePageTitle } from '@/components/use-page-title';
import { AGENT_LIST_PAGE_SIZE, hasAgentListFilters } from '@/lib/agent-list-view';
import { AgentListEmpty } from './agent-list-empty';
import { AgentSearchInput } from './agent-search-input';
import { AgentTable } from './agent-table';
import { ProjectFilter } from './project-filter';
import { agentListFilters, isAfterDelete, useAgentListView } from './use-agent-list-view';
import { useCanCreateAgent } from './use-can-create-agent';

/** The create dialog (a modal, a form, the project catalogue) loads on first use, not with the list. */
const loadCreateAgentModal = () => import('./create-agent-modal');
const CreateAgentModal = lazy(async () => ({ default: (await loadCreateAgentModal()).CreateAgentModal }));
const preloadCreateAgentModal = () => void loadCreateAgentModal();

function rangeText(page: number, count: number, total: number): string {
  if (total === 0 || count === 0) return '';
  const from = (page - 1) * AGENT_LIST_PAGE_SIZE + 1;
  const to = from + count - 1;
  const noun = total === 1 ? 'agent' : 'agents';
  return from === 1 && to === total ? `${total} ${noun}` : `${from}–${to} of ${total} ${noun}`;
}

export function AgentListPage() {
  const { view, change, clear } = useAgentListView();
  usePageTitle('Agents');
  const list = useQuery(agentQueries.list(agentListFilters(view)));
  const canCreate = useCanCreateAgent();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  // Mounted from the first opening on, so closing still plays the modal's transition.
  const [createUsed, setCreateUsed] = useState(false);
  // The button that opened the dialog: focus goes back to it when the dialog closes. The modal
  // does that itself, except the first time, when it mounts already open and never saw it.
  const opener = useRef<HTMLElement | null>(null);
  const navigate = useNavigate();
  const location = useLocation();

  const page = list.data;
  // Back from deleting the only agent of the last page: the last page that is left, in the URL too.
  const lastPage =
    page &&
    !list.isPlaceholderData &&
    page.items.length === 0 &&
    view.page > 1 &&
    view.page > page.totalPages &&
    isAfterDelete(location.state)
      ? Math.max(1, page.totalPages)
      : null;
  useEffect(() => {
    if (lastPage !== null) change({ page: lastPage }, { replace: true });
  }, [lastPage, change]);
  const filtered = hasAgentListFilters(view);
  // After an outage, "Try again" asks again for everything on the page that failed, not only the
  // list: the project filter and what decides the New agent button failed with it. Asked of the
  // cache, not of the results drawn last: a query that failed with nothing drawn before or after
  // leaves its last result saying it is still loading.
  const retry = () =>
    queryClient.refetchQueries({ type: 'active', predicate: (query) => query.state.status === 'error' });
  const newAgentButton = canCreate ? (
    <Button
      leftSection={<ConsoleIcon name="plus" size={16} />}
      style={{ flexShrink: 0 }}
      onPointerEnter={preloadCreateAgentModal}
      onFocus={preloadCreateAgentModal}
      onClick={(event) => {
        opener.current = event.currentTarget;
        setCreateUsed(true);
        setCreating(true);
      }}
    >
      New agent
    </Button>
  ) : null;

  return (
    <Container size="xl" py="lg">
      <Stack gap="lg">
        <Group justify="space-between" align="flex-end" wrap="nowrap" gap="md">
          <div style={{ minWidth: 0 }}>
            <Title order={1} fz="h2">
              Agents
            </Title>
            <Text c="dimmed" size="sm">
              What is live in production, and what is waiting in staging to be published.
            </Text>
          </div>
          {newAgentButton}
        </Group>

        <Group gap="sm" align="center" role="search" aria-label="Filter agents">
          <AgentSearchInput value={view.q} onSearch={(q) => change({ q }, { replace: true })} />
          <ProjectFilter value={view.projectId} onChange={(projectId) => change({ projectId })} />
          <Switch
            label="Has unpublished changes"
            checked={view.unpublishedOnly}
            onChange={(e) => change({ unpublishedOnly: e.currentTarget.checked })}
          />
          {filtered && (
            <Button variant="subtle" size="compact-sm" onClick={clear}>
              Clear filters
            </Button>
          )}
        </Group>

        {list.isError && !page ? (
          <PageError
            title="The agents could not be loaded"
            message={errorMessage(list.error)}
            onRetry={retry}
            retrying={list.isFetching}
          />
        ) : page && page.items.length === 0 && !list.isPlaceholderData && lastPage === null ? (
          <AgentListEmpty
            view={view}
            totalPages={page.totalPages}
            onClearFilters={clear}
            onFirstPage={() => change({ page: 1 })}
            createAction={newAgentButton}
          />
        ) : (
          <Stack gap="sm">
            <AgentTable
              agents={lastPage === null ? (page?.items ?? null) : null}
              stale={list.isPlaceholderData}
            />
            {page && (
              <Group justify="space-between" align="center">
                <Text size="sm" c="dimmed" aria-live="polite">
                  {rangeText(page.page, page.items.length, page.total)}
                </Text>
                {page.totalPages > 1 && (
                  <Pagination
                    total={page.totalPages}
                    value={Math.min(view.page, page.totalPages)}
                    onChange={(p) => change({ page: p })}
                    size="sm"
                    aria-label="Pages"
                    getItemProps={(p) => ({ 'aria-label': `Page ${p}` })}
                    getControlProps={(control) =>
                      control === 'next'
                        ? { 'aria-label': 'Next page' }
                        : control === 'previous'
                          ? { 'aria-label': 'Previous page' }
                          : {}
                    }
                  />
                )}
              </Group>
            )}
          </Stack>
        )}
      </Stack>

      {createUsed && (
        <Suspense fallback={null}>
          <CreateAgentModal
            opened={creating}
            onClose={() => setCreating(false)}
            onClosed={() => opener.current?.focus()}
            defaultProjectId={view.projectId}
            onCreated={(agent) => {
              setCreating(false);
              showToast({
                color: 'green',
                message: `“${agent.config.agent_settings.agent_name}” was created.`,
              });
              void navigate(`/agents/${agent.id}/edit`);
            }}
          />
        </Suspense>
      )}
    </Container>
  );
}
