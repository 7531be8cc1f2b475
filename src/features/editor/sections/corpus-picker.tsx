import { Button, Checkbox, Group, Modal, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { useDeferredValue, useMemo, useState } from 'react';
import type { Corpus } from '@contract';
import { ConsoleIcon } from '@/components/console-icon';
import classes from '../editor.module.css';

export interface CorpusPickerProps {
  opened: boolean;
  onClose: () => void;
  corpora: readonly Corpus[];
  /** Ids already connected (in the draft): not offered again. */
  connected: ReadonlySet<string>;
  onConnect: (ids: string[]) => void;
}

/** Enough rows to choose from; a search narrows a long catalogue down. */
const MAX_ROWS = 150;

/** Chooses one or several of the organisation's knowledge sources to connect. */
export function CorpusPicker({ opened, onClose, corpora, connected, onConnect }: CorpusPickerProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Connect knowledge sources" size="lg" centered>
      {/* Mounted only while open: every opening starts with an empty search and no choice. */}
      {opened && (
        <PickerBody corpora={corpora} connected={connected} onConnect={onConnect} onClose={onClose} />
      )}
    </Modal>
  );
}

function PickerBody({ corpora, connected, onConnect, onClose }: Omit<CorpusPickerProps, 'opened'>) {
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const deferred = useDeferredValue(query);
  const available = useMemo(() => corpora.filter((c) => !connected.has(String(c.id))), [corpora, connected]);
  const matches = useMemo(() => {
    const q = deferred.trim().toLowerCase();
    if (!q) return available;
    return available.filter(
      (c) => c.name.toLowerCase().includes(q) || c.description.toLowerCase().includes(q),
    );
  }, [available, deferred]);
  const shown = matches.slice(0, MAX_ROWS);

  const toggle = (id: string) => setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));

  return (
    <Stack gap="sm">
      <TextInput
        label="Search knowledge sources"
        placeholder="Name or description"
        leftSection={<ConsoleIcon name="search" size={16} />}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        data-autofocus
      />
      {available.length === 0 ? (
        <Text size="sm" c="dimmed" py="md" ta="center">
          Every knowledge source of the organisation is already connected.
        </Text>
      ) : matches.length === 0 ? (
        <Text size="sm" c="dimmed" py="md" ta="center">
          No knowledge source matches “{deferred.trim()}”.
        </Text>
      ) : (
        <ScrollArea.Autosize mah="50vh" type="auto" offsetScrollbars>
          <Checkbox.Group value={chosen} aria-label="Knowledge sources to connect">
            <Stack gap={4}>
              {shown.map((c) => (
                <Checkbox.Card
                  key={c.id}
                  value={String(c.id)}
                  radius="md"
                  p="sm"
                  onClick={() => toggle(String(c.id))}
                  aria-label={c.name}
                >
                  <Group wrap="nowrap" align="flex-start" gap="sm">
                    <Checkbox.Indicator mt={2} />
                    <div style={{ minWidth: 0 }}>
                      <Text size="sm" fw={600} className={classes.sourceName}>
                        {c.name}
                      </Text>
                      <Text size="xs" c="dimmed" lineClamp={2}>
                        {c.description || 'No description'} · {c.document_count.toLocaleString('en-US')}{' '}
                        {c.document_count === 1 ? 'document' : 'documents'}
                      </Text>
                    </div>
                  </Group>
                </Checkbox.Card>
              ))}
            </Stack>
          </Checkbox.Group>
        </ScrollArea.Autosize>
      )}
      {matches.length > shown.length && (
        <Text size="xs" c="dimmed">
          Showing {shown.length.toLocaleString('en')} of {matches.length.toLocaleString('en-US')}: search to
          narrow the list.
        </Text>
      )}
      <Group justify="space-between" mt="xs">
        <Text size="sm" c="dimmed">
          {chosen.length === 0 ? 'Choose one or more.' : `${chosen.length.toLocaleString('en')} chosen`}
        </Text>
        <Group gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            disabled={chosen.length === 0}
            onClick={() => {
              onConnect(chosen);
              onClose();
            }}
          >
            {chosen.length > 1
              ? `Connect ${chosen.length.toLocaleString('en')} knowledge sources`
              : 'Connect'}
          </Button>
        </Group>
      </Group>
      <Text size="xs" c="dimmed">
        New connections are added to your draft; they reach staging when you save the section.
      </Text>
    </Stack>
  );
}
