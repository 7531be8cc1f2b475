import { useEffect, useRef } from 'react';
import { SHORTCUTS, type ShortcutAction } from './shortcuts';

const BY_KEY = new Map<string, ShortcutAction>(SHORTCUTS.flatMap((s) => s.keys.map((k) => [k, s.action])));

/**
 * Inputs that take no text: a reviewer who has just ticked "Viewed" with the mouse leaves the
 * focus on that checkbox, and `j` should still move on.
 */
const NOT_TYPED_INTO = ['checkbox', 'radio', 'button', 'submit', 'reset', 'image'];

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLInputElement) return !NOT_TYPED_INTO.includes(target.type);
  return ['TEXTAREA', 'SELECT'].includes(target.tagName) || target.getAttribute('role') === 'textbox';
}

/**
 * Single-key shortcuts of the review screen. Ignored while typing in a field, with a modifier
 * held (Ctrl/⌘/Alt: the browser's own shortcuts), or when `enabled` is false (a dialog is open).
 */
export function useReviewShortcuts(enabled: boolean, onAction: (action: ShortcutAction) => void) {
  const handler = useRef(onAction);
  useEffect(() => {
    handler.current = onAction;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing)
        return;
      if (isTyping(event.target)) return;
      const action = BY_KEY.get(event.key);
      if (!action) return;
      event.preventDefault();
      handler.current(action);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
