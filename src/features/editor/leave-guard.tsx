import { Button, Group, Modal, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useBlocker } from 'react-router';

export interface LeaveGuardProps {
  /** Sections with unsaved changes, as a phrase ("Settings and Tools"); empty when none. */
  unsaved: string;
}

/**
 * Asks before leaving the Edit tab with unsaved changes: another tab of the agent, another
 * page, signing out (which discards the drafts), or closing the browser tab. Moving between
 * sections of the Edit tab never asks (each keeps its draft), nor does a session that expired
 * (the draft waits for the user's return).
 */
/** The user chose "Sign out" (the sign-in page's location state says why it was opened). */
const isSignOut = (state: unknown) =>
  typeof state === 'object' && state !== null && (state as { reason?: unknown }).reason === 'signed-out';

export function LeaveGuard({ unsaved }: LeaveGuardProps) {
  const dirty = unsaved !== '';
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty &&
      currentLocation.pathname !== nextLocation.pathname &&
      (nextLocation.pathname !== '/sign-in' || isSignOut(nextLocation.state)),
  );

  // The blocker decided when the user clicked; a save in flight may land while the dialog is
  // open. With nothing left unsaved, the question is moot: go where the user asked to go.
  const settled = blocker.state === 'blocked' && !dirty;
  useEffect(() => {
    if (settled) blocker.proceed?.();
  }, [settled, blocker]);

  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  const open = blocker.state === 'blocked' && dirty;
  const signingOut = blocker.state === 'blocked' && isSignOut(blocker.location.state);
  return (
    <Modal
      opened={open}
      onClose={() => blocker.reset?.()}
      title={signingOut ? 'Sign out with unsaved changes?' : 'Leave with unsaved changes?'}
      centered
    >
      <Text size="sm">
        {unsaved || 'This page'} {unsaved.includes(' and ') ? 'have' : 'has'} changes that are not saved to
        staging.{' '}
        {signingOut
          ? 'Signing out discards them.'
          : 'They stay in this browser tab as a draft until you save or discard them, but nobody else sees them and they cannot be published.'}
      </Text>
      <Group justify="flex-end" mt="lg" gap="sm">
        <Button variant="default" onClick={() => blocker.proceed?.()}>
          {signingOut ? 'Sign out anyway' : 'Leave anyway'}
        </Button>
        <Button onClick={() => blocker.reset?.()} data-autofocus>
          Keep editing
        </Button>
      </Group>
    </Modal>
  );
}
