import { Code, ScrollArea, Text } from '@mantine/core';

export interface ValueViewProps {
  value: unknown;
}

const LONG = 120;

/** One value of a conflict row, as people read it; long text in a scrollable monospace box. */
export function ValueView({ value }: ValueViewProps) {
  if (value === undefined) {
    return (
      <Text size="sm" c="dimmed" fs="italic">
        Not present
      </Text>
    );
  }
  if (value === null || value === '') {
    return (
      <Text size="sm" c="dimmed" fs="italic">
        {value === null ? 'None' : 'Empty'}
      </Text>
    );
  }
  if (typeof value === 'boolean') return <Text size="sm">{value ? 'On' : 'Off'}</Text>;
  if (Array.isArray(value)) {
    return value.length === 0 ? (
      <Text size="sm" c="dimmed" fs="italic">
        None
      </Text>
    ) : (
      <Text size="sm">{value.map(String).join(', ')}</Text>
    );
  }
  const text = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
  if (text.length <= LONG && !text.includes('\n')) return <Text size="sm">{text}</Text>;
  return (
    <ScrollArea.Autosize mah={180} type="auto" offsetScrollbars>
      <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
        {text.length > 20_000
          ? `${text.slice(0, 20_000)}\n… (${(text.length - 20_000).toLocaleString('en-US')} more characters)`
          : text}
      </Code>
    </ScrollArea.Autosize>
  );
}
