import {
  ActionIcon,
  Anchor,
  Badge,
  Breadcrumbs,
  Group,
  Menu,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { memo, type Ref } from 'react';
import { Link } from 'react-router';
import { agentListHref } from '@/lib/agent-list-view';
import type { AgentDetail } from '@/api/adapter';
import { ConsoleIcon } from '@/components/console-icon';
import { TimeAgo } from '@/components/time-ago';
import classes from './agent-header.module.css';

export interface AgentHeaderProps {
  agent: AgentDetail;
  /** Offers "Delete agent" when set (the user may delete this agent: see `canDeleteAgent`). */
  onDelete?: () => void;
  /** The "More actions" button, for the delete dialog to give the focus back to. */
  actionsRef?: Ref<HTMLButtonElement>;
}

/** Name, project, what is live and whether staging differs from it. */
export const AgentHeader = memo(function AgentHeader({ agent, onDelete, actionsRef }: AgentHeaderProps) {
  const name = agent.config.agent_settings.agent_name;
  return (
    <Stack gap={6}>
      <nav aria-label="Breadcrumb">
        {/* The separator as dimmed as the crumbs: Mantine's own grey is 4.0:1 on the dark body. */}
        <Breadcrumbs
          separator="/"
          separatorMargin={6}
          styles={{ separator: { color: 'var(--mantine-color-dimmed)' } }}
        >
          <Anchor component={Link} to={agentListHref()} size="sm" c="dimmed">
            Agents
          </Anchor>
          <Text size="sm" c="dimmed">
            {agent.project.name}
          </Text>
        </Breadcrumbs>
      </nav>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
        <Stack gap={6} miw={0}>
          <Title order={1} fz="h2" style={{ overflowWrap: 'anywhere' }}>
            {name}
          </Title>
          <Group gap="xs" wrap="wrap">
            {agent.liveVersion === null ? (
              <Badge color="gray" variant="light" tt="none">
                Not live
              </Badge>
            ) : (
              // Beside the badge, not at the end of the body, where it was in no landmark.
              <Tooltip
                label="The version production serves to end users"
                openDelay={300}
                withinPortal={false}
              >
                <Badge color="green" variant="light" tt="none">
                  Live v{agent.liveVersion}
                </Badge>
              </Tooltip>
            )}
            {agent.hasUnpublishedChanges ? (
              <Badge color="orange" variant="light" tt="none">
                Unpublished changes
              </Badge>
            ) : (
              <Text size="sm" c="dimmed">
                Staging matches production
              </Text>
            )}
            {agent.lastPublishedOn && (
              <Text size="sm" c="dimmed">
                Published <TimeAgo value={agent.lastPublishedOn} />
              </Text>
            )}
          </Group>
        </Stack>
        {onDelete && (
          // No focus placeholder (see the account menu): the focus goes to the item, which the
          // delete dialog still guards with the agent's name. Not in a portal: at the end of the
          // body the menu was in no landmark (axe's "region"); beside its button it is in the page's.
          <Menu position="bottom-end" withinPortal={false} withInitialFocusPlaceholder={false}>
            <Menu.Target>
              <ActionIcon ref={actionsRef} variant="default" size="lg" aria-label="More actions">
                <ConsoleIcon name="dots" />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item
                className={classes.deleteItem}
                leftSection={<ConsoleIcon name="trash" size={16} />}
                onClick={onDelete}
              >
                Delete agent…
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        )}
      </Group>
    </Stack>
  );
});
