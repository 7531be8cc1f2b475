/**
 * Element ids of a rendered diff, so a screen can scroll to and focus a section or a change
 * (section index, keyboard shortcuts). `prefix` keeps two diffs on one page apart.
 */
export const sectionDomId = (prefix: string, sectionKey: string) => `${prefix}-section-${sectionKey}`;
export const changeDomId = (prefix: string, path: string) => `${prefix}-change-${path}`;
export const DEFAULT_DIFF_ID_PREFIX = 'diff';
