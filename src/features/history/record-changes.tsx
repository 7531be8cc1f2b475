import { Alert, Button, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { PublishRecord } from '@/api/adapter';
import { errorMessage } from '@/api/api-error';
import { publishQueries } from '@/api/publishes/queries';
import { DiffSections } from '@/components/diff';
import { jsonFileName } from '@/lib/history-params';
import { DiffHeading } from './diff-heading';
import { useRecordByVersion } from './use-record-by-version';

export interface RecordChangesProps {
  agentId: number;
  record: PublishRecord;
  recordsByVersion: ReadonlyMap<number, PublishRecord>;
  compareOffered: boolean;
}

/** What a publish changed: the diff from the version before it to this one. */
export function RecordChanges({ agentId, record, recordsByVersion, compareOffered }: RecordChangesProps) {
  const previousVersion = record.version > 1 ? record.version - 1 : null;
  const previous = useRecordByVersion(agentId, previousVersion, recordsByVersion);
  const diff = useQuery({
    ...publishQueries.compare(agentId, previous.record?.changeTrackId ?? 0, record.changeTrackId),
    enabled: compareOffered && previous.record !== null,
  });

  const beforeLabel = previous.record ? `Version ${previous.record.version}` : 'Before';
  const afterLabel = `Version ${record.version}`;
  const heading = (
    <DiffHeading
      title={previous.record ? `Changes since version ${previous.record.version}` : 'Changes'}
      diff={diff.data}
      fileName={jsonFileName(
        'agent',
        agentId,
        'diff',
        `v${previous.record?.version ?? 0}`,
        'to',
        `v${record.version}`,
      )}
      beforeLabel={beforeLabel}
      afterLabel={afterLabel}
    />
  );

  if (previousVersion === null || previous.notFound) {
    return (
      <Paper withBorder p="xl" radius="md">
        <Text ta="center" fw={600}>
          This is the agent&apos;s first version.
        </Text>
        <Text ta="center" c="dimmed" size="sm" mt={4}>
          There is no earlier version to compare it with.
        </Text>
      </Paper>
    );
  }
  if (!compareOffered) {
    return (
      <Alert color="gray" title="Changes cannot be shown here">
        This server does not offer comparisons between versions, so only the summary above says what this
        publish changed.
      </Alert>
    );
  }
  if (previous.error || diff.error) {
    return (
      <Alert color="red" title="The changes could not be loaded">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{errorMessage(previous.error ?? diff.error)}</Text>
          <Button
            size="xs"
            variant="light"
            color="red"
            onClick={() => void (previous.error ? previous.refetch() : diff.refetch())}
          >
            Try again
          </Button>
        </Stack>
      </Alert>
    );
  }
  return (
    <div>
      {heading}
      {diff.data ? (
        <DiffSections
          diff={diff.data}
          beforeLabel={beforeLabel}
          afterLabel={afterLabel}
          emptyText={`Version ${record.version} changed nothing against version ${previousVersion}.`}
          idPrefix="record-diff"
        />
      ) : (
        <Stack gap="sm" aria-label="Loading the changes">
          <Skeleton height={28} width="40%" />
          <Skeleton height={120} />
        </Stack>
      )}
    </div>
  );
}
