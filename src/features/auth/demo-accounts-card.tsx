import { Badge, Card, Code, Group, Stack, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts';
import classes from './demo-accounts-card.module.css';

export interface DemoAccountsCardProps {
  /** Fills the sign-in form with this account; `byKeyboard` when chosen with Enter or Space. */
  onPick: (email: string, password: string, byKeyboard: boolean) => void;
}

/** The sandbox's sign-ins, one click to fill the form. */
export function DemoAccountsCard({ onPick }: DemoAccountsCardProps) {
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="demo-accounts-title">
      <Stack gap={6}>
        <Group justify="space-between" align="baseline">
          <Text id="demo-accounts-title" fw={600} size="sm">
            Sandbox sign-ins
          </Text>
          <Text size="xs" c="dimmed">
            password <Code>{DEMO_PASSWORD}</Code>
          </Text>
        </Group>
        <Text size="xs" c="dimmed">
          This server is the Ejento sandbox. Choose an account to fill in the form.
        </Text>
        <Stack gap={2} mt={4}>
          {DEMO_ACCOUNTS.map((a) => (
            <UnstyledButton
              key={a.email}
              className={classes.row}
              // A click from Enter or Space has no pointer behind it: `detail` (the click count) is 0.
              onClick={(event) => onPick(a.email, DEMO_PASSWORD, event.detail === 0)}
            >
              {/* Named by what it shows, with the words around it for a screen reader: "Use
                  viewer@example.com Viewer (can view)", so a spoken "click viewer" finds it. */}
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Text size="sm" truncate>
                  <VisuallyHidden component="span">Use </VisuallyHidden>
                  {a.email}
                </Text>
                <Badge variant="light" color="gray" size="sm" tt="none" title={`Can ${a.can}`}>
                  {a.role}
                  <VisuallyHidden component="span"> (can {a.can})</VisuallyHidden>
                </Badge>
              </Group>
            </UnstyledButton>
          ))}
        </Stack>
      </Stack>
    </Card>
  );
}
