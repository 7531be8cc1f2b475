import { memo, useState } from 'react';
import { Autocomplete, CloseButton, Group, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { ConsoleIcon } from '@/components/console-icon';

export interface HistoryFiltersProps {
  publishedBy: string;
  q: string;
  /** E-mails of publishers seen so far on the screen, offered as suggestions. */
  knownPublishers: readonly string[];
  onChange: (f: { publishedBy?: string; q?: string }) => void;
}

const DEBOUNCE_MS = 300;

/**
 * Filter by publisher (the sandbox matches any part of the e-mail or name) and search notes. What is typed reaches the
 * URL after a pause; until then the field shows the draft, and afterwards the URL again, so
 * "Clear filters" elsewhere on the screen empties the fields too.
 */
export const HistoryFilters = memo(function HistoryFilters({
  publishedBy,
  q,
  knownPublishers,
  onChange,
}: HistoryFiltersProps) {
  const [byDraft, setByDraft] = useState<string | null>(null);
  const [qDraft, setQDraft] = useState<string | null>(null);

  const commitBy = useDebouncedCallback((value: string) => {
    onChange({ publishedBy: value });
    setByDraft(null);
  }, DEBOUNCE_MS);
  const commitQ = useDebouncedCallback((value: string) => {
    onChange({ q: value });
    setQDraft(null);
  }, DEBOUNCE_MS);

  const byValue = byDraft ?? publishedBy;
  const qValue = qDraft ?? q;

  return (
    <Group gap="xs" grow wrap="nowrap" align="flex-end">
      <Autocomplete
        size="sm"
        label="Publisher"
        placeholder="E-mail or name"
        data={[...knownPublishers]}
        // E-mails are wider than the narrow sidebar's field: the list sizes to them.
        comboboxProps={{ width: 'max-content', position: 'bottom-start' }}
        value={byValue}
        onChange={(value) => {
          setByDraft(value);
          commitBy(value);
        }}
        onOptionSubmit={(value) => {
          setByDraft(value);
          commitBy(value);
          commitBy.flush();
        }}
        rightSection={
          byValue ? (
            <CloseButton
              size="sm"
              aria-label="Clear publisher"
              onClick={() => {
                commitBy.cancel();
                setByDraft(null);
                onChange({ publishedBy: '' });
              }}
            />
          ) : null
        }
      />
      <TextInput
        size="sm"
        label="Search notes"
        placeholder="Words in the note"
        leftSection={<ConsoleIcon name="search" size={16} />}
        value={qValue}
        onChange={(e) => {
          setQDraft(e.currentTarget.value);
          commitQ(e.currentTarget.value);
        }}
        rightSection={
          qValue ? (
            <CloseButton
              size="sm"
              aria-label="Clear search"
              onClick={() => {
                commitQ.cancel();
                setQDraft(null);
                onChange({ q: '' });
              }}
            />
          ) : null
        }
      />
    </Group>
  );
});
