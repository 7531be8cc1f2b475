import { Alert, Anchor, Text } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import type { RolledBackTo } from '@/api/adapter';
import { ConsoleIcon } from '@/components/console-icon';
import { formatExactTime } from '@/lib/relative-time';

export interface RolledBackBannerProps {
  agentId: number;
  rolledBackTo: RolledBackTo;
  /** Staging's last change: the revert itself, or an edit made after it. */
  lastEdit: { by: string; on: string };
}

/**
 * Staging holds an older version after a revert; production has not changed yet. When staging
 * was edited after the revert, it no longer is that version as it was, and the banner says so.
 */
export function RolledBackBanner({ agentId, rolledBackTo, lastEdit }: RolledBackBannerProps) {
  const editedSince = Date.parse(lastEdit.on) > Date.parse(rolledBackTo.on);
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
        <time dateTime={rolledBackTo.on}>{formatExactTime(rolledBackTo.on)}</time>
        {editedSince && (
          <>
            , and edited since (last by {lastEdit.by} on{' '}
            <time dateTime={lastEdit.on}>{formatExactTime(lastEdit.on)}</time>)
          </>
        )}
        . Production is unchanged until staging is published.
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
