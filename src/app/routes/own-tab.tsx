import { useMemo, type ReactNode } from 'react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { authQueries } from '@/api/auth/queries';
import { draftStore } from '@/features/editor/draft-store';
import { forgetPublishNotes } from '@/features/review/publish-note';

/**
 * The unsaved work in this tab (drafts, an unsent publish note) is the signed-in person's before
 * a screen reads it: a session restored from storage, or a sign-in whose `/users/me` failed,
 * never claimed it through the sign-in form (see `claimFor`). Someone else's is forgotten, so it
 * is never drawn. Claimed during render; claiming again is harmless.
 */
export function OwnTab({ children }: { children: ReactNode }) {
  const { data: me } = useSuspenseQuery(authQueries.me());
  useMemo(() => claimTab(me.email), [me.email]);
  return children;
}

/** The tab's unsaved work is `email`'s from now on; another person's goes. */
export function claimTab(email: string): void {
  if (!draftStore.claimFor(email)) forgetPublishNotes();
}
