import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Paper,
  Stack,
  Text,
  Textarea,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { useRef, useState } from 'react';
import { LIMITS } from '@contract';
import type { AgentDetail } from '@/api/adapter';
import { ConsoleIcon } from '@/components/console-icon';
import { EditorNotices } from '../editor-notices';
import { EditLock } from '../edit-lock';
import classes from '../editor.module.css';
import { SaveBar } from '../save-bar';
import { SectionCard } from '../section-card';
import { useSectionEditor, type SectionEditor } from '../use-section-editor';
import { useSectionForm } from '../use-section-form';
import {
  instructionsFormSchema,
  instructionsModel,
  newInstructionKey,
  type InstructionItem,
  type InstructionsForm,
} from '../model/instructions-model';

export interface InstructionsSectionProps {
  agentId: number;
  detail: AgentDetail;
  canEdit: boolean;
}

const describe = (v: InstructionsForm) => instructionsModel.describe(v, undefined);

/** The agent's instructions in order: add, edit, delete and reorder, saved together. */
export function InstructionsSection({ agentId, detail, canEdit }: InstructionsSectionProps) {
  const editor = useSectionEditor({ agentId, model: instructionsModel, ctx: undefined, detail, canEdit });
  return (
    <SectionCard
      title="Instructions"
      description="Rules the agent follows in every answer, in this order."
      dirty={editor.dirty}
    >
      <EditorNotices editor={editor} describe={describe} />
      <InstructionsFormView key={editor.formKey} agentId={agentId} editor={editor} />
    </SectionCard>
  );
}

const arrow = (up: boolean) => (
  <ConsoleIcon name="chevron-down" size={16} style={up ? { transform: 'rotate(180deg)' } : undefined} />
);

function InstructionsFormView({
  agentId,
  editor,
}: {
  agentId: number;
  editor: SectionEditor<InstructionsForm>;
}) {
  const { form, submit, invalid } = useSectionForm(editor, instructionsFormSchema);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const locked = !editor.canEdit;
  const items = form.getValues().items;
  const baseText = new Map(editor.base.items.map((i) => [i.key, i.instruction]));
  const keptKeys = new Set(items.map((i) => i.key));
  const deleted = editor.base.items.filter((i) => !keptKeys.has(i.key)).length;
  const full = items.length >= LIMITS.instructions;

  const add = () => {
    const key = newInstructionKey();
    form.insertListItem('items', { key, id: null, instruction: '' });
    setFocusKey(key);
  };

  // The deleted instruction's button goes with it: the focus moves to the instruction that takes
  // its place (or the one before, after the last), or to "Add instruction" when none is left.
  const list = useRef<HTMLDivElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const focusField = (index: number) =>
    requestAnimationFrame(() => {
      const fields = list.current?.querySelectorAll('textarea') ?? [];
      const next = fields[Math.min(index, fields.length - 1)];
      (next ?? addButton.current)?.focus();
    });
  // What was deleted, as typed and where: Delete is one press beside the move buttons, and without
  // Undo a slip took the text with it, to be had back only by discarding every other change.
  // A saved one only until a save deletes it from staging (the form may stay mounted through it).
  const [deletedItems, setDeletedItems] = useState<{ item: InstructionItem; index: number }[]>([]);
  const lastDeleted = deletedItems.filter((d) => d.item.id === null || baseText.has(d.item.key)).at(-1);
  const remove = (index: number) => {
    const item = items[index];
    form.removeListItem('items', index);
    if (item) setDeletedItems((d) => [...d, { item, index }]);
    focusField(index);
  };
  const undoDelete = () => {
    if (!lastDeleted) return;
    const at = Math.min(lastDeleted.index, items.length);
    form.insertListItem('items', lastDeleted.item, at);
    setDeletedItems((d) => d.filter((x) => x !== lastDeleted));
    focusField(at);
  };

  // A move button pressed keeps the focus on the instruction it moved: on the same button where
  // the instruction lands, or, when it lands first or last (where that button is off), on the
  // opposite one. Otherwise the focus would fall to the page's body.
  const move = (index: number, direction: 'up' | 'down') => {
    const key = items[index]?.key;
    if (key === undefined) return;
    form.reorderListItem('items', { from: index, to: direction === 'up' ? index - 1 : index + 1 });
    const opposite = direction === 'up' ? 'down' : 'up';
    requestAnimationFrame(() => {
      const button = (d: 'up' | 'down') =>
        list.current?.querySelector<HTMLButtonElement>(`[data-focus-key="${d}:${key}"]:not(:disabled)`);
      (button(direction) ?? button(opposite))?.focus();
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Instructions">
      <Stack px="lg" pb="lg" gap="sm">
        {items.length === 0 && (
          <Paper withBorder radius="md" p="lg" className={classes.subtle}>
            <Text size="sm" c="dimmed" ta="center">
              {editor.base.items.length === 0
                ? 'This agent has no instructions yet. Add one to steer how it answers.'
                : 'Every instruction will be deleted when you save.'}
            </Text>
          </Paper>
        )}
        <Stack ref={list} gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((item, index) => {
            const n = index + 1;
            const isNew = item.id === null;
            const edited = !isNew && baseText.get(item.key) !== item.instruction;
            return (
              <Paper component="li" key={item.key} withBorder radius="md" p="sm">
                <div className={classes.instructionRow}>
                  <Badge
                    variant="light"
                    color="gray"
                    radius="sm"
                    mt={6}
                    miw={32}
                    aria-hidden
                    className={classes.instructionNumber}
                  >
                    {n}
                  </Badge>
                  <Stack gap={4} miw={0} className={classes.instructionField}>
                    <EditLock locked={locked} block>
                      <Textarea
                        aria-label={`Instruction ${n}`}
                        placeholder="For example: Answer in the language of the question."
                        autosize
                        minRows={1}
                        maxRows={12}
                        readOnly={locked}
                        // Focus follows "Add instruction", as a text editor's cursor would.
                        // eslint-disable-next-line jsx-a11y/no-autofocus
                        autoFocus={item.key === focusKey}
                        key={form.key(`items.${index}.instruction`)}
                        {...form.getInputProps(`items.${index}.instruction`)}
                      />
                    </EditLock>
                    {(isNew || edited) && (
                      <Group gap={6}>
                        <Badge size="xs" variant="light" color={isNew ? 'teal' : 'yellow'}>
                          {isNew ? 'New' : 'Edited'}
                        </Badge>
                      </Group>
                    )}
                  </Stack>
                  <Group gap={2} wrap="nowrap" mt={4} className={classes.instructionButtons}>
                    <EditLock locked={locked}>
                      <Tooltip label="Move up" disabled={locked}>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-label={`Move instruction ${n} up`}
                          disabled={locked || index === 0}
                          data-focus-key={`up:${item.key}`}
                          onClick={() => move(index, 'up')}
                        >
                          {arrow(true)}
                        </ActionIcon>
                      </Tooltip>
                    </EditLock>
                    <EditLock locked={locked}>
                      <Tooltip label="Move down" disabled={locked}>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-label={`Move instruction ${n} down`}
                          disabled={locked || index === items.length - 1}
                          data-focus-key={`down:${item.key}`}
                          onClick={() => move(index, 'down')}
                        >
                          {arrow(false)}
                        </ActionIcon>
                      </Tooltip>
                    </EditLock>
                    <EditLock locked={locked}>
                      <Tooltip label="Delete" disabled={locked}>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={`Delete instruction ${n}`}
                          disabled={locked}
                          onClick={() => remove(index)}
                        >
                          <ConsoleIcon name="trash" size={16} />
                        </ActionIcon>
                      </Tooltip>
                    </EditLock>
                  </Group>
                </div>
              </Paper>
            );
          })}
        </Stack>
        {/* Always in the page, so what it comes to say is read out. */}
        <VisuallyHidden role="status">
          {lastDeleted ? `Instruction ${lastDeleted.index + 1} deleted.` : ''}
        </VisuallyHidden>
        {lastDeleted && !locked && (
          <Group gap="xs">
            <Text size="sm" aria-hidden>
              Instruction {lastDeleted.index + 1} deleted.
            </Text>
            <Button
              size="compact-sm"
              variant="subtle"
              onClick={undoDelete}
              disabled={full}
              aria-label={`Undo deleting instruction ${lastDeleted.index + 1}`}
            >
              Undo
            </Button>
          </Group>
        )}
        <Group justify="space-between" mt={4}>
          <EditLock locked={locked}>
            <Button
              ref={addButton}
              variant="light"
              leftSection={<ConsoleIcon name="plus" size={16} />}
              onClick={add}
              disabled={locked || full}
            >
              Add instruction
            </Button>
          </EditLock>
          <Text size="xs" c="dimmed">
            {full
              ? `An agent has at most ${LIMITS.instructions.toLocaleString('en')} instructions.`
              : deleted > 0
                ? `${deleted.toLocaleString('en')} ${deleted === 1 ? 'instruction' : 'instructions'} will be deleted when you save.`
                : `${items.length.toLocaleString('en')} of at most ${LIMITS.instructions.toLocaleString('en')}`}
          </Text>
        </Group>
      </Stack>
      <SaveBar
        agentId={agentId}
        editor={editor}
        section="Instructions"
        saveLabel="Save instructions"
        onRetry={() => submit()}
        invalid={invalid}
      />
    </form>
  );
}
