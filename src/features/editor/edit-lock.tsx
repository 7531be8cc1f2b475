import { Box, Tooltip } from '@mantine/core';
import { useId, useLayoutEffect, useRef, type ReactNode } from 'react';

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

/** The controls a lock stands in front of (a Mantine select or tags field keeps a hidden input too). */
const CONTROLS = 'input:not([type="hidden"]), textarea, select, button';

/**
 * Says why a control is disabled. A disabled control gets no pointer events, so the tooltip
 * hangs on a wrapper around it. A screen reader hears the reason as the control's description,
 * after its own name and state: a wrapper named by the reason would hide both.
 */
export function EditLock({ locked, reason = READ_ONLY_REASON, children, block = false }: EditLockProps) {
  const reasonId = useId();
  const wrapper = useRef<HTMLDivElement>(null);
  // Watched, not set once: a control may be drawn anew, and Mantine writes its own description
  // (the field's help, its error, an id settled after mount) into the same attribute.
  useLayoutEffect(() => {
    const root = wrapper.current;
    if (!locked || !root) return;
    const describe = () => {
      for (const control of root.querySelectorAll(CONTROLS)) {
        const ids = control.getAttribute('aria-describedby')?.split(/\s+/).filter(Boolean) ?? [];
        if (!ids.includes(reasonId)) control.setAttribute('aria-describedby', [...ids, reasonId].join(' '));
      }
    };
    describe();
    const observer = new MutationObserver(describe);
    observer.observe(root, { subtree: true, childList: true, attributeFilter: ['aria-describedby'] });
    return () => observer.disconnect();
  }, [locked, reasonId]);
  if (!locked) return <>{children}</>;
  return (
    <Tooltip label={reason} multiline w={300} withArrow openDelay={150}>
      <Box ref={wrapper} display={block ? 'block' : 'inline-block'} style={{ cursor: 'not-allowed' }}>
        {children}
        <span id={reasonId} hidden>
          {reason}
        </span>
      </Box>
    </Tooltip>
  );
}
