import { Group, Input, Text } from '@mantine/core';
import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type ChangeEvent,
  type FocusEvent,
  type ReactNode,
} from 'react';
import { LIMITS } from '@contract';
import { countLines, describeTextSize } from '@/lib/text-stats';

export interface PromptEditorProps {
  id: string;
  label: string;
  description?: ReactNode;
  defaultValue: string;
  onChange: (event: ChangeEvent<HTMLTextAreaElement>) => void;
  onBlur?: (event: FocusEvent<HTMLTextAreaElement>) => void;
  onFocus?: (event: FocusEvent<HTMLTextAreaElement>) => void;
  error?: ReactNode;
  readOnly?: boolean;
}

/** The size line updates once typing pauses: counting lines of 200,000 characters per key would lag. */
const STATS_DELAY_MS = 150;

/**
 * Above this size the field stops growing with its content and simply fills most of the screen:
 * sizing a field to its content measures the whole text again on every key, which on a
 * 200,000-character prompt costs more than a frame.
 */
const CONTENT_SIZING_MAX_CHARS = 20_000;

interface Stats {
  chars: number;
  lines: number;
}

const statsOf = (text: string): Stats => ({ chars: text.length, lines: countLines(text) });

/**
 * The system prompt: a monospace, uncontrolled textarea (typing never re-renders the form), that
 * grows with its content up to most of the screen and then scrolls, and a debounced
 * character and line count. Stays responsive with a 200,000-character prompt.
 */
export function PromptEditor({
  id,
  label,
  description,
  defaultValue,
  onChange,
  onBlur,
  onFocus,
  error,
  readOnly,
}: PromptEditorProps) {
  const [stats, setStats] = useState(() => statsOf(defaultValue));
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(defaultValue);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const handleChange = useCallback(
    (event: ChangeEvent<HTMLTextAreaElement>) => {
      latest.current = event.currentTarget.value;
      onChange(event);
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => setStats(statsOf(latest.current)), STATS_DELAY_MS);
    },
    [onChange],
  );

  const describedBy = [`${id}-size`, description ? `${id}-description` : null, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
  const overLimit = stats.chars > LIMITS.prompt;
  const sizedToContent = stats.chars <= CONTENT_SIZING_MAX_CHARS;

  return (
    <Input.Wrapper
      id={id}
      label={label}
      description={description}
      error={error}
      inputWrapperOrder={['label', 'description', 'input', 'error']}
      descriptionProps={{ id: `${id}-description` }}
      errorProps={{ id: `${id}-error` }}
    >
      <Input
        component="textarea"
        id={id}
        defaultValue={defaultValue}
        onChange={handleChange}
        onBlur={onBlur}
        onFocus={onFocus}
        readOnly={readOnly}
        error={Boolean(error)}
        aria-describedby={describedBy}
        spellCheck={false}
        autoComplete="off"
        autoCorrect="off"
        multiline
        styles={{
          input: {
            fontFamily: 'var(--mantine-font-family-monospace)',
            fontSize: 'var(--mantine-font-size-sm)',
            lineHeight: 1.55,
            paddingBlock: 'var(--mantine-spacing-xs)',
            // Grows with the text (where the browser can size a field to its content), from a
            // comfortable start to most of the screen, then scrolls; the user may drag it taller.
            // A long prompt gets that tallest size at once (see CONTENT_SIZING_MAX_CHARS).
            fieldSizing: sizedToContent ? 'content' : 'fixed',
            minHeight: '18rem',
            maxHeight: sizedToContent ? '70vh' : undefined,
            height: sizedToContent ? 'auto' : '70vh',
            resize: 'vertical',
            whiteSpace: 'pre-wrap',
            overflowWrap: 'anywhere',
            tabSize: 2,
          },
        }}
      />
      <Group justify="space-between" mt={6} gap="xs">
        <Text id={`${id}-size`} size="xs" c={overLimit ? 'red' : 'dimmed'} aria-live="off">
          {describeTextSize(stats.chars, stats.lines)}
          {overLimit ? ' — over the 8 MiB limit' : ''}
        </Text>
        {readOnly && (
          <Text size="xs" c="dimmed">
            Read-only
          </Text>
        )}
      </Group>
    </Input.Wrapper>
  );
}
