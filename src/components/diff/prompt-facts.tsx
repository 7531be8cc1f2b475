import { useMemo } from 'react';
import { Badge, Group, Text } from '@mantine/core';
import { pluralize } from '@/lib/format-value';
import { lengthChange, signed, templateVariableChanges } from '@/lib/template-variables';

export interface PromptFactsProps {
  before: string;
  after: string;
}

/** Beside a prompt's text diff: template variables added or removed, and how its length moved. */
export function PromptFacts({ before, after }: PromptFactsProps) {
  const vars = useMemo(() => templateVariableChanges(before, after), [before, after]);
  const length = useMemo(() => lengthChange(before, after), [before, after]);
  const none = vars.added.length === 0 && vars.removed.length === 0;
  return (
    <Group gap="xs" wrap="wrap" aria-label="Prompt facts" role="group">
      <Text size="xs" c="dimmed">
        Template variables:
      </Text>
      {none && (
        <Text size="xs" c="dimmed" fs="italic">
          none added or removed
        </Text>
      )}
      {vars.added.map((v) => (
        <Badge key={`+${v}`} color="teal" variant="light" tt="none" radius="sm" ff="monospace">
          {`+ {{${v}}}`}
        </Badge>
      ))}
      {vars.removed.map((v) => (
        <Badge
          key={`-${v}`}
          color="red"
          variant="light"
          tt="none"
          radius="sm"
          ff="monospace"
          td="line-through"
        >
          {`− {{${v}}}`}
        </Badge>
      ))}
      <Text size="xs" c="dimmed" ml="auto">
        {`${length.beforeChars.toLocaleString('en-US')} → ${pluralize(length.afterChars, 'character')} (${signed(length.deltaChars)})`}
        {' · '}
        {`${length.beforeLines.toLocaleString('en-US')} → ${pluralize(length.afterLines, 'line')} (${signed(length.deltaLines)})`}
      </Text>
    </Group>
  );
}
