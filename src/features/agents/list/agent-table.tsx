import { Anchor, Badge, Group, Skeleton, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { AgentSummary } from '@/api/adapter';
import { TimeAgo } from '@/components/time-ago';
import classes from './agent-table.module.css';

export interface AgentTableProps {
  /** null while the first page loads: skeleton rows are shown. */
  agents: AgentSummary[] | null;
  /** Older results are on screen while newer ones load. */
  stale?: boolean;
  skeletonRows?: number;
}

function Head() {
  return (
    <Table.Thead>
      <Table.Tr>
        <Table.Th>Agent</Table.Th>
        <Table.Th w={220}>Project</Table.Th>
        <Table.Th w={120}>Live version</Table.Th>
        <Table.Th w={170}>Last published</Table.Th>
      </Table.Tr>
    </Table.Thead>
  );
}

export function AgentTable({ agents, stale = false, skeletonRows = 6 }: AgentTableProps) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table
        verticalSpacing="sm"
        highlightOnHover={agents !== null}
        className={classes.table}
        data-stale={stale || undefined}
        aria-busy={agents === null || stale}
        aria-label="Agents"
      >
        <Head />
        <Table.Tbody>
          {agents === null
            ? Array.from({ length: skeletonRows }, (_, i) => (
                <Table.Tr key={i} aria-hidden>
                  <Table.Td>
                    <Stack gap={6}>
                      <Skeleton height={14} width={`${45 + ((i * 17) % 35)}%`} />
                      <Skeleton height={10} width={`${60 + ((i * 11) % 30)}%`} />
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Skeleton height={12} width="70%" />
                  </Table.Td>
                  <Table.Td>
                    <Skeleton height={12} width={36} />
                  </Table.Td>
                  <Table.Td>
                    <Skeleton height={12} width="60%" />
                  </Table.Td>
                </Table.Tr>
              ))
            : agents.map((a) => <AgentRow key={a.id} agent={a} />)}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function AgentRow({ agent }: { agent: AgentSummary }) {
  return (
    <Table.Tr>
      <Table.Td>
        <Group gap="xs" wrap="nowrap" align="center">
          <Anchor component={Link} to={`/agents/${agent.id}`} fw={600} className={classes.name}>
            {agent.name}
          </Anchor>
          {agent.hasUnpublishedChanges && (
            <Badge color="orange" variant="light" size="sm" tt="none" className={classes.badge}>
              Unpublished changes
            </Badge>
          )}
        </Group>
        {agent.description && (
          <Text size="xs" c="dimmed" lineClamp={1} mt={2} maw={560}>
            {agent.description}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{agent.project.name}</Text>
      </Table.Td>
      <Table.Td>
        {agent.liveVersion === null ? (
          <Text size="sm" c="dimmed">
            Not live
          </Text>
        ) : (
          <Text size="sm" ff="monospace">
            v{agent.liveVersion}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm" c={agent.lastPublishedOn ? undefined : 'dimmed'}>
          {agent.lastPublishedOn ? <TimeAgo value={agent.lastPublishedOn} /> : 'Never'}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}
