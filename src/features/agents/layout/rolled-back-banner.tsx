import { Alert, Anchor, Text } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import type { RolledBackTo } from '@/api/adapter';
import { ConsoleIcon } from '@/components/console-icon';
import { formatExactTime } from '@/lib/relative-time';

export interface RolledBackBannerProps {
  agentId: number;
  rolledBackTo: RolledBackTo;
}

/** Staging holds an older version after a revert; production has not changed yet. */
export function RolledBackBanner({ agentId, rolledBackTo }: RolledBackBannerProps) {
  const reviewPath = `/agents/${agentId}/review`;
  const onReview = useLocation().pathname === reviewPath;
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
        until staging is published.
        {!onReview && (
          <>
            {' '}
            {/* The alert's own text colour, underlined: a link colour on the yellow alert falls
                below 4.5:1 in the dark scheme. */}
            <Anchor component={Link} to={reviewPath} size="sm" fw={600} c="inherit" underline="always">
              Review changes
            </Anchor>
          </>
        )}
      </Text>
    </Alert>
  );
}
