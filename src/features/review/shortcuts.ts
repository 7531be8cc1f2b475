/** The review's keyboard shortcuts, listed by the `?` dialog and handled by useReviewShortcuts. */
export const SHORTCUTS = [
  { keys: ['j'], action: 'next-change', description: 'Next change' },
  { keys: ['k'], action: 'previous-change', description: 'Previous change' },
  { keys: ['n'], action: 'next-section', description: 'Next section' },
  { keys: ['p'], action: 'previous-section', description: 'Previous section' },
  { keys: ['v'], action: 'toggle-viewed', description: 'Mark the current section viewed, or not' },
  { keys: ['?'], action: 'help', description: 'Show these shortcuts' },
] as const;

export type ShortcutAction = (typeof SHORTCUTS)[number]['action'];
