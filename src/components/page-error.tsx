import { Button, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { ConsoleIcon } from './console-icon';

export interface PageErrorProps {
  title: string;
  /** A sentence saying what went wrong, for people. */
  message: ReactNode;
  /** Offers "Try again" when set; stays busy while the returned promise is pending. */
  onRetry?: () => unknown;
  /** Busy for a retry the caller tracks itself. */
  retrying?: boolean;
  /** Further actions, such as a link back to a list. */
  children?: ReactNode;
  /** 'missing' for something that does not exist (a 404), which is not an error of the system. */
  kind?: 'error' | 'missing';
  /** 1 where the error is the whole page (a 404, a screen that failed): the page's only heading. */
  headingOrder?: 1 | 2;
}

/** What a screen shows instead of itself when it could not load. */
export function PageError({
  title,
  message,
  onRetry,
  retrying,
  children,
  kind = 'error',
  headingOrder = 2,
}: PageErrorProps) {
  const [pending, setPending] = useState(false);
  const retry = () => {
    if (pending) return;
    const result = onRetry?.();
    if (!isThenable(result)) return;
    setPending(true);
    // Once settled, whatever the outcome (a failure shows in the page); a page that went away
    // meanwhile ignores it.
    const done = () => setPending(false);
    result.then(done, done);
  };
  return (
    <Stack
      align="center"
      gap="sm"
      py={64}
      px="md"
      ta="center"
      role={kind === 'error' ? 'alert' : undefined}
      // What was not found comes from the URL: a long id or path breaks rather than widening a phone's page.
      style={{ overflowWrap: 'anywhere' }}
    >
      <ThemeIcon size={48} radius="xl" variant="light" color={kind === 'error' ? 'red' : 'gray'}>
        <ConsoleIcon name={kind === 'error' ? 'alert' : 'file-off'} size={26} />
      </ThemeIcon>
      <Title order={headingOrder} fz="h3">
        {title}
      </Title>
      <Text c="dimmed" maw={520}>
        {message}
      </Text>
      <Group gap="sm" mt="xs" justify="center">
        {onRetry && (
          <Button
            onClick={retry}
            loading={retrying === true || pending}
            leftSection={<ConsoleIcon name="refresh" size={16} />}
          >
            Try again
          </Button>
        )}
        {children}
      </Group>
    </Stack>
  );
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}
