import { useEffect } from 'react';
import { useLocation } from 'react-router';
import type { User } from '@contract';
import { useSignOut } from '@/api/auth/use-sign-out';
import { draftStore } from '@/features/editor/draft-store';
import { SignInPage, type SignInLocationState } from '@/features/auth/sign-in-page';
import { forgetPublishNotes } from '@/features/review/publish-note';
import { claimTab } from './own-tab';

/**
 * Unsaved drafts in this tab are the signed-in person's own (see `claimFor`), and so are unsent
 * publish notes: someone else signing in finds neither.
 */
function claimDrafts(user: User | null) {
  if (user) claimTab(user.email);
}

export function Component() {
  const location = useLocation();
  const signOut = useSignOut();
  const signedOut = (location.state as SignInLocationState | null)?.reason === 'signed-out';
  useEffect(() => {
    // "Sign out" brought the user here: the session ends only now that they have really left (a
    // leave prompt answered "Stay" keeps them signed in), and their unsaved drafts go with it.
    if (!signedOut) return;
    signOut();
    draftStore.clearAll();
    forgetPublishNotes();
  }, [signedOut, signOut]);
  return <SignInPage onSignedIn={claimDrafts} />;
}
