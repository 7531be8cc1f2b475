import { Badge, Group, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { PublishRecord } from '@/api/adapter';
import { publishQueries } from '@/api/publishes/queries';

export interface RecordMarkersProps {
  agentId: number;
  record: PublishRecord;
  /** The version the rollback marker points to, when already known: most resolve without a request. */
  rollbackVersion: number | undefined;
  size?: 'xs' | 'sm';
}

/** "Live" on the record that is live; "Rollback to vN" on a publish whose staging came from a rollback. */
export function RecordMarkers({ agentId, record, rollbackVersion, size = 'xs' }: RecordMarkersProps) {
  if (!record.isLive && record.rolledBackTo === null) return null;
  return (
    <Group gap={6} wrap="nowrap">
      {record.isLive && (
        <Badge size={size} color="teal" variant="light">
          Live
        </Badge>
      )}
      {record.rolledBackTo !== null && (
        <RollbackMarker
          agentId={agentId}
          changeTrackId={record.rolledBackTo}
          newerVersion={record.version}
          knownVersion={rollbackVersion}
          size={size}
        />
      )}
    </Group>
  );
}

interface RollbackMarkerProps {
  agentId: number;
  changeTrackId: number;
  newerVersion: number;
  knownVersion: number | undefined;
  size: 'xs' | 'sm';
}

function RollbackMarker({ agentId, changeTrackId, newerVersion, knownVersion, size }: RollbackMarkerProps) {
  const lookup = useQuery({
    ...publishQueries.byChangeTrackId(agentId, changeTrackId, newerVersion),
    enabled: knownVersion === undefined,
    staleTime: Infinity,
  });
  const version = knownVersion ?? lookup.data?.version;
  return (
    <Tooltip label="Staging was reverted to this version before this publish" withArrow openDelay={300}>
      <Badge size={size} color="orange" variant="light">
        {version !== undefined ? `Rollback to v${version}` : 'Rollback'}
      </Badge>
    </Tooltip>
  );
}
