import { SegmentedControl } from '@mantine/core';
import { type DiffViewMode, useDiffViewMode } from './use-diff-view-mode';

const OPTIONS: { value: DiffViewMode; label: string }[] = [
  { value: 'split', label: 'Split' },
  { value: 'unified', label: 'Unified' },
];

/** Switches every text diff between side by side and one column; the choice is remembered. */
export function DiffViewModeToggle() {
  const [mode, setMode] = useDiffViewMode();
  return (
    <SegmentedControl
      size="xs"
      aria-label="Text diff layout"
      data={OPTIONS}
      value={mode}
      onChange={(v) => setMode(v === 'unified' ? 'unified' : 'split')}
    />
  );
}
