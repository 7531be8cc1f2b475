import { Checkbox } from '@mantine/core';

export interface ViewedCheckboxProps {
  title: string;
  checked: boolean;
  onChange: () => void;
  /** The section's changes are still being signed (a very large prompt): the mark waits. */
  pending?: boolean;
}

/** A section's "Viewed" mark, as in code review. */
export function ViewedCheckbox({ title, checked, onChange, pending = false }: ViewedCheckboxProps) {
  return (
    <Checkbox
      label="Viewed"
      aria-label={`Viewed: ${title}`}
      checked={checked}
      onChange={onChange}
      disabled={pending}
      size="sm"
      color="teal"
    />
  );
}
