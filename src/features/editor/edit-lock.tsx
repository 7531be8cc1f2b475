import { Box, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';

/** Said on every control a viewer cannot use. */
export const READ_ONLY_REASON =
  'You can view this agent but not change it: editing staging needs the edit permission.';

export interface EditLockProps {
  /** The control is disabled for this user's role. */
  locked: boolean;
  reason?: string;
  children: ReactNode;
  /** Take the whole row (inputs); inline for buttons and switches. */
  block?: boolean;
}

/**
 * Says why a control is disabled. A disabled control gets no pointer events, so the tooltip
 * hangs on a wrapper around it.
 */
export function EditLock({ locked, reason = READ_ONLY_REASON, children, block = false }: EditLockProps) {
  if (!locked) return <>{children}</>;
  return (
    <Tooltip label={reason} multiline w={300} withArrow openDelay={150}>
      <Box
        display={block ? 'block' : 'inline-block'}
        style={{ cursor: 'not-allowed' }}
        // Keyboard users reach the reason too.
        tabIndex={0}
        aria-label={reason}
      >
        {children}
      </Box>
    </Tooltip>
  );
}
