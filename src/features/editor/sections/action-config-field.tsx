import { Button, Group, Textarea } from '@mantine/core';
import { useRef, type FocusEvent, type ReactNode } from 'react';
import { formatJsonConfig, parseJsonConfig } from '@/lib/json-config';

export interface ActionConfigFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: (event: FocusEvent<HTMLTextAreaElement>) => void;
  error?: ReactNode;
  readOnly: boolean;
}

/** An action's configuration as JSON text, with what is wrong (and where) when it does not parse. */
export function ActionConfigField({
  label,
  value,
  onChange,
  onBlur,
  error,
  readOnly,
}: ActionConfigFieldProps) {
  const parsed = parseJsonConfig(value);
  // Formatted, the text needs no more formatting: the button turns off under the focus, which
  // the browser drops to the page. It goes back to the text, to go on editing.
  const field = useRef<HTMLTextAreaElement>(null);
  const format = () => {
    if (!parsed.ok) return;
    onChange(formatJsonConfig(parsed.config));
    field.current?.focus();
  };
  return (
    <div>
      <Textarea
        ref={field}
        label={label}
        description="A JSON object. Keys and values are passed to the action as they are."
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        onBlur={onBlur}
        error={error}
        readOnly={readOnly}
        autosize
        minRows={4}
        maxRows={18}
        spellCheck={false}
        autoComplete="off"
        styles={{
          input: {
            fontFamily: 'var(--mantine-font-family-monospace)',
            fontSize: 'var(--mantine-font-size-xs)',
          },
        }}
      />
      {!readOnly && (
        <Group gap="xs" mt={6}>
          <Button
            size="compact-xs"
            variant="default"
            disabled={!parsed.ok || formatJsonConfig(parsed.config) === value}
            onClick={format}
          >
            Format JSON
          </Button>
        </Group>
      )}
    </div>
  );
}
