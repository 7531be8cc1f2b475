import { CloseButton, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { useLocation, useNavigation } from 'react-router';
import { ConsoleIcon } from '@/components/console-icon';
import { AGENT_SEARCH_MAX } from '@/lib/agent-list-view';

export interface AgentSearchInputProps {
  /** The search the URL holds. */
  value: string;
  /** Called once typing pauses (and at once on Enter or clear). */
  onSearch: (q: string) => void;
}

/**
 * Typing stays local and reaches the URL after a pause. When the URL changes for another reason
 * (Back, "Clear filters"), the box follows it; when it changes because of what was typed, the box
 * is left alone, so keys pressed meanwhile are not lost. A search still waiting for its pause is
 * dropped once the user heads for another page (an agent clicked in the results), so it can never
 * pull them back to the list.
 */
export function AgentSearchInput({ value, onSearch }: AgentSearchInputProps) {
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  const [written, setWritten] = useState<string | null>(null);
  if (value !== seen) {
    setSeen(value);
    if (value !== written) setDraft(value);
    setWritten(null);
  }

  const location = useLocation();
  const navigation = useNavigation();
  const leaving = navigation.state !== 'idle' && navigation.location.pathname !== location.pathname;
  const leavingRef = useRef(false);

  const write = (q: string) => {
    if (leavingRef.current) return;
    const trimmed = q.trim();
    if (trimmed === value) return;
    setWritten(trimmed);
    onSearch(trimmed);
  };
  const debounced = useDebouncedCallback(write, 300);
  useEffect(() => {
    leavingRef.current = leaving;
    if (leaving) debounced.cancel();
  }, [leaving, debounced]);
  useEffect(() => () => debounced.cancel(), [debounced]);
  // The router's "leaving" reaches this component only once React has rendered it, which on a
  // busy machine can come after the pause has run out. A click on a link away from the list is
  // known at once: the search waiting for its pause is dropped there and then.
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
      if (!(link instanceof HTMLAnchorElement) || link.target === '_blank') return;
      const to = new URL(link.href, window.location.href);
      if (to.origin !== window.location.origin || to.pathname === window.location.pathname) return;
      leavingRef.current = true;
      debounced.cancel();
    };
    document.addEventListener('click', onClick, true);
    return () => document.removeEventListener('click', onClick, true);
  }, [debounced]);

  return (
    <TextInput
      type="search"
      aria-label="Search agents by name or description"
      placeholder="Search by name or description"
      value={draft}
      maxLength={AGENT_SEARCH_MAX}
      leftSection={<ConsoleIcon name="search" size={16} />}
      rightSection={
        draft ? (
          <CloseButton
            size="sm"
            aria-label="Clear search"
            onClick={() => {
              debounced.cancel();
              setDraft('');
              write('');
            }}
          />
        ) : null
      }
      onChange={(e) => {
        // Typing again means the person is still here.
        leavingRef.current = leaving;
        setDraft(e.currentTarget.value);
        debounced(e.currentTarget.value);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') debounced.flush();
        if (e.key === 'Escape' && draft) {
          debounced.cancel();
          setDraft('');
          write('');
        }
      }}
      w={{ base: '100%', sm: 280 }}
    />
  );
}
