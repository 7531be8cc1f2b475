import { Group, Skeleton, Stack } from '@mantine/core';

export function AgentHeaderSkeleton() {
  return (
    <Stack gap={10} aria-busy aria-label="Loading the agent">
      <Skeleton height={12} width={160} />
      <Skeleton height={28} width="40%" />
      <Group gap="xs">
        <Skeleton height={20} width={70} radius="xl" />
        <Skeleton height={20} width={140} radius="xl" />
      </Group>
    </Stack>
  );
}
