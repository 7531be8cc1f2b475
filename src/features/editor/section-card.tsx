import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export interface SectionCardProps {
  title: string;
  description?: ReactNode;
  dirty: boolean;
  /** Extra controls at the right of the title (a "Connect" button). */
  actions?: ReactNode;
  children: ReactNode;
}

/** One editable part of the agent: a title, whether it has unsaved changes, the form. */
export function SectionCard({ title, description, dirty, actions, children }: SectionCardProps) {
  return (
    <Paper component="section" withBorder radius="md" aria-label={title}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" px="lg" pt="lg" pb="md" gap="md">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={2} fz="h3">
              {title}
            </Title>
            {dirty && (
              <Badge color="yellow" variant="light" size="sm">
                Unsaved changes
              </Badge>
            )}
          </Group>
          {description && (
            <Text size="sm" c="dimmed" maw={720}>
              {description}
            </Text>
          )}
        </Stack>
        {actions}
      </Group>
      {children}
    </Paper>
  );
}
