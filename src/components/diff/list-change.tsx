import { Badge, Group, Stack, Text } from '@mantine/core';
import { listChanges } from '@/lib/format-value';

export interface ListChangeProps {
  before: unknown;
  after: unknown;
}

/** A list of short items (tags): the items added and removed, as chips. */
export function ListChange({ before, after }: ListChangeProps) {
  const { added, removed, kept } = listChanges(before, after);
  return (
    <Stack gap={6}>
      {added.length > 0 && (
        <Group gap={6} aria-label="Added items" role="group">
          <Text size="xs" c="dimmed" w={64}>
            Added
          </Text>
          {added.map((item) => (
            <Badge key={item} color="teal" variant="light" tt="none" radius="sm">
              + {item}
            </Badge>
          ))}
        </Group>
      )}
      {removed.length > 0 && (
        <Group gap={6} aria-label="Removed items" role="group">
          <Text size="xs" c="dimmed" w={64}>
            Removed
          </Text>
          {removed.map((item) => (
            <Badge key={item} color="red" variant="light" tt="none" radius="sm" td="line-through">
              − {item}
            </Badge>
          ))}
        </Group>
      )}
      {kept.length > 0 && (
        <Text size="xs" c="dimmed">
          Unchanged: {kept.join(', ')}
        </Text>
      )}
    </Stack>
  );
}
