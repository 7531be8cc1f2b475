import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { draftStore } from '@/features/editor/draft-store';
import { SignInPage, type SignInLocationState } from '@/features/auth/sign-in-page';

export function Component() {
  const location = useLocation();
  const signedOut = (location.state as SignInLocationState | null)?.reason === 'signed-out';
  useEffect(() => {
    // Someone signed out of this tab: their unsaved drafts go with them.
    if (signedOut) draftStore.clearAll();
  }, [signedOut]);
  return <SignInPage />;
}
