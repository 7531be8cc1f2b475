import { Group, Pill, Radio, Stack, TagsInput, Text } from '@mantine/core';
import { useId } from 'react';
import { ACCESS_LEVELS, LIMITS, normalizeTag, sameTag, type Access } from '@contract';
import type { AgentDetail } from '@/api/adapter';
import { diffTags } from '@/lib/tag-diff';
import { EditorNotices } from '../editor-notices';
import { EditLock } from '../edit-lock';
import { SaveBar } from '../save-bar';
import { SectionCard } from '../section-card';
import { useSectionEditor, type SectionEditor } from '../use-section-editor';
import { useSectionForm } from '../use-section-form';
import { accessFormSchema, accessModel, tagProblem, type AccessForm } from '../model/access-model';
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
  const tagErrors = Object.entries(form.errors)
    .filter(([path]) => path === 'tags' || path.startsWith('tags.'))
    .map(([, message]) => (typeof message === 'string' ? message : ''))
    .filter(Boolean);

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
              description={`Press Enter or type a comma to add a tag; up to ${LIMITS.tags} tags of ${LIMITS.tag} characters.`}
              placeholder={locked ? undefined : 'Add a tag'}
              splitChars={[',']}
              maxTags={LIMITS.tags}
              clearable={!locked}
              disabled={locked}
              acceptValueOnBlur
              // One tag per spelling in any case, spaces made one, as the server holds them.
              isDuplicate={(tag, held) => held.some((t) => sameTag(normalizeTag(t), normalizeTag(tag)))}
              onDuplicate={(tag) => form.setFieldError('tags', `“${normalizeTag(tag)}” is already a tag`)}
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
                      <span id={descriptionId} className="mantine-visually-hidden">
                        {` (${problem})`}
                      </span>
                    )}
                  </Pill>
                );
              }}
              key={form.key('tags')}
              {...form.getInputProps('tags')}
              onChange={(tags) => {
                form.setFieldValue('tags', tags);
                // Said as soon as the tag is added, not only on save; the tag stays, as typed.
                const long = tags.map(normalizeTag).find((tag) => tag.length > LIMITS.tag);
                if (long)
                  form.setFieldError(
                    'tags',
                    `A tag is at most ${LIMITS.tag} characters: “${long.slice(0, 23)}…” has ${long.length}`,
                  );
              }}
              error={tagErrors.length > 0 ? tagErrors.join('; ') : undefined}
            />
          </EditLock>
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
        saveLabel="Save access and tags"
        onRetry={() => submit()}
        invalid={invalid}
      />
    </form>
  );
}
