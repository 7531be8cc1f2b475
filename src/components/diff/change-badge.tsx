import { Badge } from '@mantine/core';
import type { ChangeKind } from '@contract';

const LOOK: Record<ChangeKind, { color: string; label: string }> = {
  added: { color: 'teal', label: 'Added' },
  removed: { color: 'red', label: 'Removed' },
  modified: { color: 'blue', label: 'Modified' },
};

export interface ChangeBadgeProps {
  kind: ChangeKind;
}

export function ChangeBadge({ kind }: ChangeBadgeProps) {
  const { color, label } = LOOK[kind];
  return (
    // Never shortened: the label beside it gives way first.
    <Badge color={color} variant="light" size="sm" radius="sm" style={{ flex: 'none' }}>
      {label}
    </Badge>
  );
}
