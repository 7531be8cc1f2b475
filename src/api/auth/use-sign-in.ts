import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { User } from '@contract';
import { ApiError } from '../api-error';
import { getSession, newSessionFamily, sessionFromTokens, setSession } from '../session';
import { login } from './fetchers';
import { authQueries } from './queries';
import { forgetAgentListView } from '@/lib/agent-list-view';

export interface SignInInput {
  email: string;
  password: string;
}

/**
 * Signs in and starts a fresh session. Whatever the cache held belonged to whoever was signed
 * in before (or to an expired session), so it is dropped: every screen refetches as this user.
 * Resolves with who signed in (null if that could not be read yet: the shell asks again).
 */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ email, password }: SignInInput): Promise<User | null> => {
      const pair = await login(email, password);
      queryClient.clear();
      forgetAgentListView();
      setSession(sessionFromTokens(pair, newSessionFamily()));
      // One try: the frame asks for the profile again (and again) if it could not be read, so a
      // server that fails it does not hold the person on the sign-in page through the retries.
      return queryClient.query({ ...authQueries.me(), retry: false }).catch(() => {
        // The platform refused the new tokens even after a refresh, which ended the session just
        // begun: nobody is signed in. Going on would leave for a page that sends the person straight
        // back here, to a Sign in button that spins for good and says nothing.
        if (getSession() === null) {
          throw new ApiError({
            status: 401,
            code: 'SESSION_REFUSED',
            message:
              'Your e-mail and password were accepted, but the Ejento platform refused the session. Try again; if it happens again, tell whoever runs this console.',
          });
        }
        return null;
      });
    },
  });
}
