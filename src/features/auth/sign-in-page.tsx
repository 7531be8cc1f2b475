import { Alert, Box, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { User } from '@contract';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { authQueries } from '@/api/auth/queries';
import { ConsoleIcon } from '@/components/console-icon';
import { usePageTitle } from '@/components/use-page-title';
import { safeNextPath } from '@/lib/safe-next-path';
import { DemoAccountsCard } from './demo-accounts-card';
import { SignInForm } from './sign-in-form';
import { useSignInForm } from './use-sign-in-form';

/** Why the user is here, passed in navigation state by whoever sent them. */
export interface SignInLocationState {
  reason?: 'expired' | 'signed-out' | 'signed-out-elsewhere';
}

export interface SignInPageProps {
  /** Who signed in (null if not known yet), before the page moves on. */
  onSignedIn?: (user: User | null) => void;
}

export function SignInPage({ onSignedIn }: SignInPageProps = {}) {
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const form = useSignInForm();
  usePageTitle('Sign in');
  const health = useQuery(authQueries.health());
  const reason = (location.state as SignInLocationState | null)?.reason;
  const next = safeNextPath(params.get('next'));
  // The hint is for the sandbox only; a server that says nothing gets it in development builds.
  const isSandbox =
    health.data?.mode === 'sandbox' || (health.isFetched && !health.data?.mode && import.meta.env.DEV);

  return (
    <Box component="main" mih="100dvh" bg="var(--mantine-color-body)">
      <Center mih="100dvh" p="md">
        <Stack w="100%" maw={400} gap="lg">
          <Stack gap={4} align="center" ta="center">
            <Text fw={700} size="sm" c="indigo" tt="uppercase" lts={1}>
              Ejento · Staging &amp; Publishing
            </Text>
            <Title order={1} fz={26}>
              Sign in
            </Title>
            <Text c="dimmed" size="sm">
              Change agents in staging, review what differs from production, publish.
            </Text>
          </Stack>

          {reason === 'expired' && (
            <Alert variant="light" color="yellow" icon={<ConsoleIcon name="key" />}>
              Your session has expired. Sign in again to continue where you left off.
            </Alert>
          )}
          {reason === 'signed-out' && (
            <Alert variant="light" color="gray">
              You have signed out.
            </Alert>
          )}
          {reason === 'signed-out-elsewhere' && (
            <Alert variant="light" color="gray">
              You signed out in another tab. Sign in again to continue where you left off.
            </Alert>
          )}

          <Paper withBorder shadow="sm" radius="md" p="xl">
            <SignInForm
              form={form}
              onSignedIn={(user) => {
                onSignedIn?.(user);
                void navigate(next, { replace: true });
              }}
            />
          </Paper>

          {isSandbox && (
            <DemoAccountsCard
              onPick={(email, password, byKeyboard) => {
                form.setValues({ username: email, password });
                // Chosen with the keyboard: back in the form, where Enter signs in and a screen reader
                // reads what was filled in (left on the list, the way back up was long). Not on a tap:
                // a focused field would open a phone's keyboard over Sign in, with nothing to type.
                if (byKeyboard) form.getInputNode('username')?.focus();
              }}
            />
          )}
        </Stack>
      </Center>
    </Box>
  );
}
