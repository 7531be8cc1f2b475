import { Badge, Box, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import type { InstructionOrder } from './instruction-order';

export interface OrderChangeProps {
  order: InstructionOrder;
  beforeLabel: string;
  afterLabel: string;
}

/**
 * A reorder of instructions some of which were also edited: each one that moved, by position.
 * Their text edits are their own changes, so this card does not show them again.
 */
export function OrderChange({ order, beforeLabel, afterLabel }: OrderChangeProps) {
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        The same instructions in another order, each as it reads in {afterLabel}. Text edits are shown in each
        instruction’s own change.
        {order.keptOnly && ` Positions count only the instructions in both ${beforeLabel} and ${afterLabel}.`}
      </Text>
      <Group gap={6} align="flex-start" wrap="nowrap">
        <Text size="xs" c="dimmed" w={64} style={{ flex: 'none' }}>
          Moved
        </Text>
        <Box
          component="ul"
          aria-label="Moved instructions"
          m={0}
          p={0}
          style={{ listStyle: 'none', minWidth: 0 }}
        >
          {order.moves.map((move) => (
            <Group
              component="li"
              key={`${move.from}-${move.to}`}
              gap="xs"
              wrap="nowrap"
              align="flex-start"
              mb={4}
            >
              <Badge color="blue" variant="light" tt="none" radius="sm" style={{ flex: 'none' }} aria-hidden>
                {move.from} → {move.to}
              </Badge>
              <Text size="sm" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                <VisuallyHidden>
                  From position {move.from} to {move.to}:{' '}
                </VisuallyHidden>
                {move.text}
                {move.edited && (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    (text also edited)
                  </Text>
                )}
              </Text>
            </Group>
          ))}
        </Box>
      </Group>
    </Stack>
  );
}
