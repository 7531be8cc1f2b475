import { Checkbox } from '@mantine/core';

export interface ViewedCheckboxProps {
  title: string;
  checked: boolean;
  onChange: () => void;
}

/** A section's "Viewed" mark, as in code review. */
export function ViewedCheckbox({ title, checked, onChange }: ViewedCheckboxProps) {
  return (
    <Checkbox
      label="Viewed"
      aria-label={`Viewed: ${title}`}
      checked={checked}
      onChange={onChange}
      size="sm"
      color="teal"
    />
  );
}
