import { Alert, Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { RolledBackTo } from '@/api/adapter';
import { ConsoleIcon } from '@/components/console-icon';
import { formatExactTime } from '@/lib/relative-time';

export interface RolledBackBannerProps {
  agentId: number;
  rolledBackTo: RolledBackTo;
}

/** Staging holds an older version after a revert; production has not changed yet. */
export function RolledBackBanner({ agentId, rolledBackTo }: RolledBackBannerProps) {
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<ConsoleIcon name="rewind" />}
      aria-label="Staging was reverted"
    >
      <Text size="sm">
        Staging was reverted to version {rolledBackTo.version} by {rolledBackTo.by} on{' '}
        <time dateTime={rolledBackTo.on}>{formatExactTime(rolledBackTo.on)}</time>. Production is unchanged
        until staging is published.{' '}
        <Anchor component={Link} to={`/agents/${agentId}/review`} size="sm" fw={600}>
          Review changes
        </Anchor>
      </Text>
    </Alert>
  );
}
