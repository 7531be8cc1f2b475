import { Group, Pill, Radio, Stack, TagsInput, Text, VisuallyHidden } from '@mantine/core';
import { useId, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { ACCESS_LEVELS, LIMITS, normalizeTag, type Access } from '@contract';
import type { AgentDetail } from '@/api/adapter';
import { diffTags } from '@/lib/tag-diff';
import { EditorNotices } from '../editor-notices';
import { EditLock } from '../edit-lock';
import { SaveBar } from '../save-bar';
import { SectionCard } from '../section-card';
import { useSectionEditor, type SectionEditor } from '../use-section-editor';
import { useSectionForm } from '../use-section-form';
import { accessFormSchema, accessModel, heldTag, tagProblem, type AccessForm } from '../model/access-model';
import classes from '../editor.module.css';

export interface AccessSectionProps {
  agentId: number;
  detail: AgentDetail;
  canEdit: boolean;
}

const ACCESS_HELP: Record<Access, string> = {
  Public: 'Everyone in the organisation can find and use the agent.',
  'Only me': 'Only the agent’s creator can use it.',
};

const describe = (v: AccessForm) => accessModel.describe(v, undefined);

/** Who may use the agent (`PUT …/access`) and its tags (`POST …/annotates` with what was added and removed). */
export function AccessSection({ agentId, detail, canEdit }: AccessSectionProps) {
  const editor = useSectionEditor({ agentId, model: accessModel, ctx: undefined, detail, canEdit });
  return (
    <SectionCard
      title="Access & tags"
      description="Who can use the agent, and the tags that help people find it."
      dirty={editor.dirty}
    >
      <EditorNotices editor={editor} describe={describe} />
      <AccessFormView key={editor.formKey} agentId={agentId} editor={editor} />
    </SectionCard>
  );
}

/** What separates tags typed in one go, besides Enter. */
const SPLIT_CHARS = [','];

function quoteList(tags: string[]): string {
  return tags.map((t) => `“${t}”`).join(', ');
}

function AccessFormView({ agentId, editor }: { agentId: number; editor: SectionEditor<AccessForm> }) {
  const { form, submit, invalid } = useSectionForm(editor, accessFormSchema);
  const locked = !editor.canEdit;
  const values = form.getValues();
  // A tag that cannot be saved is marked on its chip and left out of what saving would do.
  const pending = diffTags(
    editor.base.tags,
    values.tags.filter((tag) => tagProblem(tag) === null),
  );
  const problemId = useId();
  // What is typed in the field and not yet a tag. A tag typed again is not added: the field says
  // which one it repeats and keeps the text, so it can be changed. Spaces alone are no tag at all:
  // they are cleared. `typed` is the text the message is about: changing it takes the message away.
  const [search, setSearch] = useState('');
  const [repeated, setRepeated] = useState<{ typed: string; held: string } | null>(null);
  const tagsInput = form.getInputProps('tags');
  const repeatedMessage = repeated ? `“${repeated.held}” is already a tag` : null;
  // With every tag taken, Enter adds nothing: the field says why and keeps the text, as for a repeat.
  const [refusedWhenFull, setRefusedWhenFull] = useState<string | null>(null);
  const full = values.tags.length >= LIMITS.tags;
  const fullMessage =
    refusedWhenFull === null
      ? null
      : `An agent has at most ${LIMITS.tags.toLocaleString('en')} tags: remove one to add “${normalizeTag(refusedWhenFull)}”`;
  const tagErrors = [
    ...(repeatedMessage ? [repeatedMessage] : []),
    ...(fullMessage ? [fullMessage] : []),
    ...Object.entries(form.errors)
      .filter(([path]) => path === 'tags' || path.startsWith('tags.'))
      .map(([, message]) => (typeof message === 'string' ? message : ''))
      .filter(Boolean),
  ];
  const heldNow = heldTag(values.tags, search);
  const onlySpaces = search.trim() === '';

  /** Enter or a comma would add what is typed: not when it is a tag already, or only spaces. */
  const onTagKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' && !SPLIT_CHARS.includes(event.key)) return;
    if (event.nativeEvent.isComposing || search === '') return;
    if (onlySpaces) {
      event.preventDefault();
      setSearch('');
    } else if (heldNow !== undefined) {
      event.preventDefault();
      setRepeated({ typed: search, held: heldNow });
    } else if (full) {
      event.preventDefault();
      setRefusedWhenFull(search);
    }
  };
  const onTagBlur = (event: FocusEvent<HTMLInputElement>) => {
    (tagsInput.onBlur as ((e: FocusEvent<HTMLInputElement>) => void) | undefined)?.(event);
    if (onlySpaces) setSearch('');
    else if (heldNow !== undefined) setRepeated({ typed: search, held: heldNow });
    else if (full) setRefusedWhenFull(search);
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Access and tags">
      <Stack px="lg" pb="lg" gap="xl">
        <Radio.Group
          label="Access level"
          description="Changes apply to staging; users get them when staging is published."
          key={form.key('access')}
          {...form.getInputProps('access')}
        >
          <Stack gap="xs" mt="xs">
            {ACCESS_LEVELS.map((level) => (
              <EditLock key={level} locked={locked} block>
                <Radio.Card value={level} radius="md" p="md" disabled={locked} aria-label={level}>
                  <Group wrap="nowrap" align="flex-start" gap="sm">
                    <Radio.Indicator disabled={locked} />
                    <div>
                      <Text fw={600} size="sm">
                        {level}
                      </Text>
                      <Text size="sm" c="dimmed">
                        {ACCESS_HELP[level]}
                      </Text>
                    </div>
                  </Group>
                </Radio.Card>
              </EditLock>
            ))}
          </Stack>
        </Radio.Group>

        <Stack gap={6}>
          <EditLock locked={locked} block>
            <TagsInput
              label="Tags"
              description={`Press Enter or type a comma to add a tag; up to ${LIMITS.tags.toLocaleString('en')} tags of ${LIMITS.tag.toLocaleString('en')} characters.`}
              placeholder={locked ? undefined : 'Add a tag'}
              splitChars={SPLIT_CHARS}
              maxTags={LIMITS.tags}
              clearable={!locked}
              disabled={locked}
              // Leaving the field adds what is typed, unless that adds nothing (see onTagBlur).
              acceptValueOnBlur={!onlySpaces && heldNow === undefined}
              searchValue={search}
              onSearchChange={(next) => {
                setSearch(next);
                setRepeated((r) => (r?.typed === next ? r : null));
                setRefusedWhenFull((typed) => (typed === next ? typed : null));
              }}
              onKeyDown={onTagKeyDown}
              // One tag per spelling in any case, spaces made one, as the server holds them.
              isDuplicate={(tag, held) => heldTag(held, tag) !== undefined}
              // Pasted tags that are there already (typed ones are caught before): the paste
              // empties the field, and the message stays until the next key.
              onDuplicate={(tag) =>
                setRepeated({ typed: '', held: heldTag(values.tags, tag) ?? normalizeTag(tag) })
              }
              // Each tag's remove button is labelled with the tag as the chip shows it (and saving
              // keeps it): trimmed, spaces made one. A tag that cannot be saved says why on its chip.
              renderPill={({ option, value = String(option.value), onRemove, disabled, reorderProps }) => {
                const tag = normalizeTag(value);
                const problem = tagProblem(value);
                const descriptionId = `${problemId}-${values.tags.indexOf(value)}`;
                return (
                  <Pill
                    key={value}
                    withRemoveButton={!locked}
                    onRemove={onRemove}
                    disabled={disabled}
                    className={problem ? classes.invalidTag : undefined}
                    title={problem ?? undefined}
                    removeButtonProps={{
                      'aria-hidden': false,
                      'aria-label': `Remove tag “${tag}”`,
                      'aria-describedby': problem ? descriptionId : undefined,
                    }}
                    {...reorderProps}
                  >
                    {tag}
                    {problem && (
                      <VisuallyHidden component="span" id={descriptionId}>
                        {` (${problem})`}
                      </VisuallyHidden>
                    )}
                  </Pill>
                );
              }}
              key={form.key('tags')}
              {...tagsInput}
              onBlur={onTagBlur}
              onChange={(tags) => {
                form.setFieldValue('tags', tags);
                // The tag the message names was removed: typing it again adds it.
                setRepeated((r) => (r && heldTag(tags, r.held) !== undefined ? r : null));
                setRefusedWhenFull(null);
                // Said as soon as the tag is added, not only on save; the tag stays, as typed.
                const long = tags.map(normalizeTag).find((tag) => tag.length > LIMITS.tag);
                if (long)
                  form.setFieldError(
                    'tags',
                    `A tag is at most ${LIMITS.tag.toLocaleString('en')} characters: “${long.slice(0, 23)}…” has ${long.length.toLocaleString('en')}`,
                  );
              }}
              error={tagErrors.length > 0 ? tagErrors.join('; ') : undefined}
            />
          </EditLock>
          {/* Always in the page, so what it comes to say is read out. */}
          <VisuallyHidden role="status">{repeatedMessage ?? fullMessage}</VisuallyHidden>
          {(pending.add.length > 0 || pending.remove.length > 0) && (
            <Text size="xs" c="dimmed" aria-live="polite">
              Saving {pending.add.length > 0 ? `adds ${quoteList(pending.add)}` : ''}
              {pending.add.length > 0 && pending.remove.length > 0 ? ' and ' : ''}
              {pending.remove.length > 0 ? `removes ${quoteList(pending.remove)}` : ''}.
            </Text>
          )}
          {values.tags.length === 0 && (
            <Text size="xs" c="dimmed">
              This agent has no tags.
            </Text>
          )}
        </Stack>
      </Stack>
      <SaveBar
        agentId={agentId}
        editor={editor}
        section="Access & tags"
        saveLabel="Save access and tags"
        onRetry={() => submit()}
        invalid={invalid}
      />
    </form>
  );
}
