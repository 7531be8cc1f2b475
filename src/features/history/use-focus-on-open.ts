import { useEffect, useRef } from 'react';
import { focusIsLost } from '@/lib/focus';

/**
 * A panel opened in place of another by the person's own action (Compare…, Back to the
 * version): the button they pressed went with the old panel and the focus fell to the page. The
 * new panel's heading takes it, so the keyboard carries on from there and a screen reader reads
 * where they are. Never when the focus is somewhere already (a row of the timeline).
 */
export function useFocusOnOpen<T extends HTMLElement>(take: boolean) {
  const heading = useRef<T>(null);
  useEffect(() => {
    if (take && focusIsLost()) heading.current?.focus();
  }, [take]);
  return heading;
}
