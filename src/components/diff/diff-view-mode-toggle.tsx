import { Button } from '@mantine/core';
import { type DiffViewMode, useDiffViewMode } from './use-diff-view-mode';

const OPTIONS: { value: DiffViewMode; label: string }[] = [
  { value: 'split', label: 'Split' },
  { value: 'unified', label: 'Unified' },
];

/**
 * Switches every text diff between side by side and one column; the choice is remembered. Two
 * toggle buttons rather than a SegmentedControl: its sliding indicator measures layout on every
 * change, which costs a forced reflow of a page holding a 20,000-line diff.
 */
export function DiffViewModeToggle() {
  const [mode, setMode] = useDiffViewMode();
  return (
    <Button.Group aria-label="Text diff layout">
      {OPTIONS.map((option) => (
        <Button
          key={option.value}
          size="xs"
          variant={mode === option.value ? 'filled' : 'default'}
          aria-pressed={mode === option.value}
          onClick={() => setMode(option.value)}
        >
          {option.label}
        </Button>
      ))}
    </Button.Group>
  );
}
