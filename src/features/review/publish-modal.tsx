import { Alert, Button, Group, Modal, Stack, Table, Text, Textarea } from '@mantine/core';
import { schemaResolver, useForm, type UseFormReturnType } from '@mantine/form';
import { useEffect, useRef, useState } from 'react';
import { LIMITS, publishFormSchema } from '@contract';
import type { DiffSection } from '@/api/adapter';
import { pluralize } from '@/lib/format-value';
import { readPublishNote, writePublishNote } from './publish-note';

export interface PublishFormValues {
  note: string;
}
export interface PublishForm extends UseFormReturnType<PublishFormValues> {
  /** The fingerprint of the changes the note was last typed for; null if not known. */
  writtenFor: string | null;
}

/**
 * The note lives with the screen, not the dialog: after a refused publish (staging changed) the
 * dialog closes, and the reviewer's note is still there when they publish again. It is kept in
 * the tab too (publish-note.ts), for a return to the Review tab, with the fingerprint of the
 * changes it was typed for (`fingerprint`, what the dialog publishes when it is typed).
 */
export function usePublishForm(agentId: number, fingerprint: string): PublishForm {
  const [stored] = useState(() => readPublishNote(agentId));
  const [writtenFor, setWrittenFor] = useState(stored.writtenFor);
  const current = useRef(fingerprint);
  useEffect(() => {
    current.current = fingerprint;
  }, [fingerprint]);
  const form = useForm<PublishFormValues>({
    mode: 'controlled',
    initialValues: { note: stored.note },
    validate: schemaResolver(publishFormSchema, { sync: true }),
    onValuesChange: (values) => {
      writePublishNote(agentId, values.note, current.current);
      setWrittenFor(values.note.trim() === '' ? null : current.current);
    },
  });
  return { ...form, writtenFor };
}

export interface PublishModalProps {
  form: PublishForm;
  /** The changes this publish approves (their staging fingerprint). */
  fingerprint: string;
  opened: boolean;
  onClose: () => void;
  sections: readonly DiffSection[];
  viewed: number;
  /** Sends the publish; the modal stays busy until the promise settles. */
  onConfirm: (note: string) => void;
  pending: boolean;
  /** Why the last attempt failed, shown where the reviewer acted (their note is kept). */
  error: string | null;
  /** The agent was deleted meanwhile: nothing is left to publish, and the dialog only closes. */
  agentGone?: boolean;
  /**
   * Whether closing gives the focus back to what opened the dialog: not when the dialog closes
   * on an outcome, whose notice takes the focus.
   */
  returnFocus: boolean;
}

/** Confirms a publish: what goes live per section, and a required note saying why. */
export function PublishModal({
  form,
  fingerprint,
  opened,
  onClose,
  sections,
  viewed,
  onConfirm,
  pending,
  error,
  agentGone = false,
  returnFocus,
}: PublishModalProps) {
  const total = sections.reduce((n, s) => n + s.changes.length, 0);
  const unviewed = sections.length - viewed;
  // A note kept from an earlier visit, typed while other changes were on screen.
  const writtenForOthers =
    form.values.note.trim() !== '' && form.writtenFor !== null && form.writtenFor !== fingerprint;
  // The note is never cut to its limit (a paste would lose its end unseen): the count shows as it
  // nears the limit, and one over it is refused, as typed, with how much to take out.
  const noteLength = form.values.note.trim().length;
  const noteInput = form.getInputProps('note');
  const noteError =
    noteLength > LIMITS.note
      ? `A note is at most ${LIMITS.note.toLocaleString('en-US')} characters: this one has ${noteLength.toLocaleString('en-US')}.`
      : (noteInput.error as string | undefined);

  return (
    <Modal
      opened={opened}
      onClose={pending ? () => undefined : onClose}
      returnFocus={returnFocus}
      title="Publish to production"
      centered
      size="lg"
    >
      <form
        onSubmit={form.onSubmit(
          (values) => {
            if (!agentGone) onConfirm(values.note.trim());
          },
          // A note refused (none, or too long) takes the focus, and its error is read with it:
          // otherwise a keyboard user stays on Publish, told nothing.
          () => form.getInputNode('note')?.focus(),
        )}
        noValidate
      >
        <Stack gap="md">
          <Text size="sm">
            Production becomes what staging holds now: {pluralize(total, 'change')} in{' '}
            {pluralize(sections.length, 'section')} {total === 1 ? 'goes' : 'go'} live for end users and
            integrations at once.
          </Text>
          <Table withTableBorder verticalSpacing={6} aria-label="Changes to publish">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Section</Table.Th>
                <Table.Th ta="right">Changes</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sections.map((s) => (
                <Table.Tr key={s.key}>
                  <Table.Td>{s.title}</Table.Td>
                  <Table.Td ta="right">{s.changes.length}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {unviewed > 0 && (
            <Text size="sm" c="var(--mantine-color-orange-text)" role="note">
              {unviewed === sections.length
                ? 'You have not marked any section viewed.'
                : `${pluralize(unviewed, 'section')} not marked viewed.`}
            </Text>
          )}
          <Textarea
            label="Note"
            description={
              writtenForOthers ? (
                <>
                  Why this goes live. It is kept in the publish history.{' '}
                  <Text component="span" inherit c="var(--mantine-color-orange-text)" fw={500}>
                    You wrote this note before staging last changed: check that it still describes the changes
                    above.
                  </Text>
                </>
              ) : (
                'Why this goes live. It is kept in the publish history.'
              )
            }
            placeholder="e.g. Tighter refund policy wording, approved by Legal"
            required
            autosize
            minRows={3}
            maxRows={8}
            data-autofocus
            disabled={pending}
            // Kept to copy out, with nothing left to publish it with.
            readOnly={agentGone}
            {...noteInput}
            error={noteError}
          />
          {noteLength > LIMITS.note * 0.9 && noteLength <= LIMITS.note && (
            <Text size="xs" c="dimmed" mt={-10} aria-live="polite">
              {noteLength.toLocaleString('en-US')} of {LIMITS.note.toLocaleString('en-US')} characters
            </Text>
          )}
          {error && (
            <Alert color="red" title="Nothing was published" role="alert">
              {error}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            {agentGone ? (
              <Button onClick={onClose}>Close</Button>
            ) : (
              <>
                <Button variant="default" onClick={onClose} disabled={pending}>
                  Cancel
                </Button>
                <Button type="submit" loading={pending}>
                  Publish
                </Button>
              </>
            )}
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
