import { memo, type Ref, useState } from 'react';
import { Autocomplete, CloseButton, Group, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { LIMITS } from '@contract';
import { ConsoleIcon } from '@/components/console-icon';

export interface HistoryFiltersProps {
  publishedBy: string;
  q: string;
  /** E-mails of publishers seen so far on the screen, offered as suggestions. */
  knownPublishers: readonly string[];
  onChange: (f: { publishedBy?: string; q?: string }) => void;
  /** The search field, for the screen to give it the focus. */
  searchRef?: Ref<HTMLInputElement>;
}

const DEBOUNCE_MS = 300;
/**
 * The longest filters the API takes (publishListQuerySchema): one longer is refused with a 422,
 * and the whole history with it. A note pasted whole into the search is cut to its start, which
 * still finds it.
 */
const PUBLISHER_MAX = LIMITS.publisherSearch;
const SEARCH_MAX = LIMITS.search;

/**
 * A filter field's text. The URL holds the filter trimmed, so showing it in place of what was
 * typed would take away a space typed before a pause ("Publish " would become "Publish", and the
 * next word would stick to it). The field keeps what was typed, and takes the URL's value when
 * that changes to one the field did not send ("Clear filters" elsewhere on the screen).
 */
function useFilterDraft(urlValue: string, send: (value: string) => void) {
  const [draft, setDraft] = useState<string | null>(null);
  const [sent, setSent] = useState(urlValue);
  const [seen, setSeen] = useState(urlValue);
  if (urlValue !== seen) {
    setSeen(urlValue);
    if (urlValue !== sent) setDraft(null);
  }
  const commit = useDebouncedCallback((value: string) => {
    setSent(value.trim());
    send(value);
  }, DEBOUNCE_MS);
  const type = (value: string) => {
    setDraft(value);
    commit(value);
  };
  const clear = () => {
    commit.cancel();
    setDraft(null);
    send('');
  };
  // Read when called: the debounced callback gets a new `flush` with each call.
  return { value: draft ?? urlValue, type, flush: () => commit.flush(), clear };
}

/**
 * Filter by publisher (the sandbox matches any part of the e-mail or name) and search notes. What is typed reaches the
 * URL after a pause; the field shows what was typed, until the URL's filter is changed elsewhere
 * ("Clear filters" empties the fields too).
 */
export const HistoryFilters = memo(function HistoryFilters({
  publishedBy,
  q,
  knownPublishers,
  onChange,
  searchRef,
}: HistoryFiltersProps) {
  const by = useFilterDraft(publishedBy, (value) => onChange({ publishedBy: value }));
  const search = useFilterDraft(q, (value) => onChange({ q: value }));
  const byValue = by.value;
  const qValue = search.value;

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
        maxLength={PUBLISHER_MAX}
        onChange={by.type}
        onOptionSubmit={(value) => {
          by.type(value);
          by.flush();
        }}
        rightSection={
          byValue ? <CloseButton size="sm" aria-label="Clear publisher" onClick={by.clear} /> : null
        }
      />
      <TextInput
        ref={searchRef}
        size="sm"
        label="Search notes"
        placeholder="Words in notes"
        leftSection={<ConsoleIcon name="search" size={16} />}
        value={qValue}
        maxLength={SEARCH_MAX}
        onChange={(e) => search.type(e.currentTarget.value)}
        rightSection={
          qValue ? <CloseButton size="sm" aria-label="Clear search" onClick={search.clear} /> : null
        }
      />
    </Group>
  );
});
