export { DiffSections, orderedSections, type DiffSectionsProps } from './diff-sections';
export { FieldChangeView, type FieldChangeViewProps } from './field-change-view';
export { TextDiff, type TextDiffProps } from './text-diff';
export { DiffViewModeToggle } from './diff-view-mode-toggle';
export { useDiffViewMode, type DiffViewMode } from './use-diff-view-mode';
export { ChangeBadge } from './change-badge';
export { changeDomId, sectionDomId } from './dom-ids';
export { lineDiffsSettled } from './line-diff-client';
