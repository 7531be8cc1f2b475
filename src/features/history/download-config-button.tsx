import { Button, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PublishRecord } from '@/api/adapter';
import { errorMessage } from '@/api/api-error';
import { isNotOffered } from '@/api/publishes/fetchers';
import { publishQueries } from '@/api/publishes/queries';
import { jsonFileName } from '@/lib/history-params';
import { downloadJson } from './download-json';

export interface DownloadConfigButtonProps {
  agentId: number;
  record: PublishRecord;
}

/**
 * Downloads the full configuration a publish made live. The snapshot (which may hold megabytes
 * of prompt) is fetched on click, not with every selection.
 */
export function DownloadConfigButton({ agentId, record }: DownloadConfigButtonProps) {
  const queryClient = useQueryClient();
  const download = useMutation({
    mutationFn: () => queryClient.query(publishQueries.detail(agentId, record.changeTrackId)),
    onSuccess: (detail) => {
      const { snapshot, ...meta } = detail;
      downloadJson(jsonFileName('agent', agentId, 'version', record.version), {
        agent_id: agentId,
        version: meta.version,
        change_track_id: meta.changeTrackId,
        published_by: meta.publishedBy,
        published_on: meta.publishedOn,
        note: meta.note,
        configuration: snapshot,
      });
    },
  });
  const unavailable = download.error !== null && isNotOffered(download.error);
  return (
    <Stack gap={4}>
      <Button
        variant="default"
        loading={download.isPending}
        disabled={unavailable}
        onClick={() => download.mutate()}
      >
        Download JSON
      </Button>
      {download.error !== null && (
        <Text size="xs" c={unavailable ? 'dimmed' : 'red'} maw={240} role="status">
          {unavailable
            ? 'This server does not offer the configurations of past versions.'
            : `Download failed: ${errorMessage(download.error)}`}
        </Text>
      )}
    </Stack>
  );
}
