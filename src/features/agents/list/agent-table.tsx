import { Anchor, Badge, Group, Skeleton, Stack, Text } from '@mantine/core';
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
    <thead>
      <tr>
        <th scope="col">Agent</th>
        <th scope="col" className={classes.wide} style={{ width: 220 }}>
          Project
        </th>
        <th scope="col" className={classes.wide} style={{ width: 120 }}>
          Live version
        </th>
        <th scope="col" className={classes.wide} style={{ width: 170 }}>
          Last published
        </th>
      </tr>
    </thead>
  );
}

export function AgentTable({ agents, stale = false, skeletonRows = 6 }: AgentTableProps) {
  return (
    // A native table styled here, not Mantine's Table: that one carries its scroll container,
    // whose custom scrollbars bring a positioning library into the list's first load.
    <div className={classes.scroller}>
      <table
        className={classes.table}
        data-hover={agents !== null || undefined}
        data-stale={stale || undefined}
        aria-busy={agents === null || stale}
        aria-label="Agents"
      >
        <Head />
        <tbody>
          {agents === null
            ? Array.from({ length: skeletonRows }, (_, i) => (
                <tr key={i} aria-hidden>
                  <td>
                    <Stack gap={6}>
                      <Skeleton height={14} width={`${45 + ((i * 17) % 35)}%`} />
                      <Skeleton height={10} width={`${60 + ((i * 11) % 30)}%`} />
                    </Stack>
                  </td>
                  <td className={classes.wide}>
                    <Skeleton height={12} width="70%" />
                  </td>
                  <td className={classes.wide}>
                    <Skeleton height={12} width={36} />
                  </td>
                  <td className={classes.wide}>
                    <Skeleton height={12} width="60%" />
                  </td>
                </tr>
              ))
            : agents.map((a) => <AgentRow key={a.id} agent={a} />)}
        </tbody>
      </table>
    </div>
  );
}

function AgentRow({ agent }: { agent: AgentSummary }) {
  const live =
    agent.liveVersion === null ? (
      <Text span size="sm" c="dimmed">
        Not live
      </Text>
    ) : (
      <Text span size="sm" ff="monospace">
        v{agent.liveVersion}
      </Text>
    );
  const published = agent.lastPublishedOn ? <TimeAgo value={agent.lastPublishedOn} /> : 'Never';
  return (
    <tr>
      <td>
        <Group gap="xs" wrap="wrap" align="center" style={{ rowGap: 4 }}>
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
          <Text size="xs" c="dimmed" lineClamp={1} mt={2} maw={560} className={classes.name}>
            {agent.description}
          </Text>
        )}
        {/* On a phone the other columns are hidden: what they say, on one line. */}
        <Text size="xs" mt={4} className={classes.narrow}>
          {agent.project.name} · {live} ·{' '}
          {agent.lastPublishedOn ? (
            <>
              published <TimeAgo value={agent.lastPublishedOn} />
            </>
          ) : (
            'never published'
          )}
        </Text>
      </td>
      <td className={classes.wide}>
        <Text size="sm">{agent.project.name}</Text>
      </td>
      <td className={classes.wide}>{live}</td>
      <td className={classes.wide}>
        <Text size="sm" c={agent.lastPublishedOn ? undefined : 'dimmed'}>
          {published}
        </Text>
      </td>
    </tr>
  );
}
