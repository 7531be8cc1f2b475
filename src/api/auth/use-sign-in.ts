import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sessionFromTokens, setSession } from '../session';
import { login } from './fetchers';

export interface SignInInput {
  email: string;
  password: string;
}

/**
 * Signs in and starts a fresh session. Whatever the cache held belonged to whoever was signed
 * in before (or to an expired session), so it is dropped: every screen refetches as this user.
 */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ email, password }: SignInInput) => login(email, password),
    onSuccess: (pair) => {
      queryClient.clear();
      setSession(sessionFromTokens(pair));
    },
  });
}
