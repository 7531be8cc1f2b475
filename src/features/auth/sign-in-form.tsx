import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import type { User } from '@contract';
import { errorMessage, isApiError } from '@/api/api-error';
import { useSignIn } from '@/api/auth/use-sign-in';
import { ConsoleIcon } from '@/components/console-icon';
import type { SignInFormApi } from './use-sign-in-form';

export interface SignInFormProps {
  form: SignInFormApi;
  /** Called once the session is set, with who signed in (null if not known yet); the page decides where to go. */
  onSignedIn: (user: User | null) => void;
}

/** Wrong credentials, an unreachable server and the like, as one sentence for the user. */
function signInError(e: unknown): string {
  if (isApiError(e) && (e.status === 400 || e.status === 401 || e.status === 403)) {
    // A refusal with no words of the server's own carries the data layer's stand-in, which for a
    // 401 speaks of an expired session: not what a wrong password on this page means.
    const standIn = e.code === 'HTTP_ERROR' && e.status !== 403;
    return (!standIn && e.message) || 'That e-mail and password do not match an account.';
  }
  if (isApiError(e) && e.status === 422) return 'Enter an e-mail address and a password.';
  return errorMessage(e);
}

export function SignInForm({ form, onSignedIn }: SignInFormProps) {
  const signIn = useSignIn();

  const submit = form.onSubmit(async ({ username, password }) => {
    let user: User | null;
    try {
      user = await signIn.mutateAsync({ email: username, password });
    } catch {
      return; // shown below, with what the user typed kept
    }
    onSignedIn(user);
  });

  return (
    <form onSubmit={submit} noValidate aria-label="Sign in">
      <Stack gap="md">
        <TextInput
          label="E-mail"
          type="email"
          // Stable names as well as the autocomplete hints: password managers remember a login form
          // by its fields' names, and Mantine's ids change on every load.
          name="username"
          autoComplete="username"
          placeholder="you@company.com"
          // The page is for signing in, and nothing else: the cursor starts where the typing does.
          // eslint-disable-next-line jsx-a11y/no-autofocus
          autoFocus
          {...form.getInputProps('username')}
        />
        <PasswordInput
          label="Password"
          name="password"
          autoComplete="current-password"
          // Reachable with Tab, as it is with a pointer: Mantine leaves it out of the tab order.
          visibilityToggleFocusable
          visibilityToggleButtonProps={{ 'aria-label': 'Show password' }}
          {...form.getInputProps('password')}
        />
        {signIn.isError && (
          <Alert
            color="red"
            variant="light"
            icon={<ConsoleIcon name="alert" />}
            role="alert"
            title="Could not sign in"
          >
            {signInError(signIn.error)}
          </Alert>
        )}
        <Button type="submit" fullWidth loading={signIn.isPending || signIn.isSuccess}>
          Sign in
        </Button>
      </Stack>
    </form>
  );
}
