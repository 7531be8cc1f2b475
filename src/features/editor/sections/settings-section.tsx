import {
  Grid,
  Input,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useMemo, type ReactNode } from 'react';
import { CHARACTER_VOICES, REASONING_MODES } from '@contract';
import type { AgentDetail } from '@/api/adapter';
import { useSameNameAgent } from '@/api/agents/same-name';
import { catalogQueries } from '@/api/catalog/queries';
import { SameNameWarning } from '@/components/same-name-warning';
import { choiceLabel } from '@/lib/format-value';
import { EditLock } from '../edit-lock';
import { EditorNotices } from '../editor-notices';
import { SaveBar } from '../save-bar';
import { SectionCard } from '../section-card';
import { useSectionEditor, type SectionEditor } from '../use-section-editor';
import { useSectionForm } from '../use-section-form';
import {
  settingsFormSchema,
  settingsModel,
  type SettingsContext,
  type SettingsForm,
} from '../model/settings-model';
import { PromptEditor } from './prompt-editor';

export interface SettingsSectionProps {
  agentId: number;
  detail: AgentDetail;
  canEdit: boolean;
}

/** Two to eight lines, growing with the text (CSS field sizing; where unsupported, it scrolls). */
const DESCRIPTION_STYLES = {
  input: {
    fieldSizing: 'content',
    minHeight: 'calc(2lh + 2 * var(--input-padding-y, 0.5rem))',
    maxHeight: 'calc(8lh + 2 * var(--input-padding-y, 0.5rem))',
    resize: 'vertical',
  },
} as const;

/**
 * A Select's clear button, reachable with Tab and named for screen readers: Mantine leaves it out
 * of both, so a keyboard could not go back to "no type" or the organisation's default model.
 */
const clearButton = (label: string) => ({ 'aria-label': label, tabIndex: 0, 'aria-hidden': false });

/** Name, description, system prompt, sample questions, model and behaviour: `PUT /agents/{id}`. */
export function SettingsSection({ agentId, detail, canEdit }: SettingsSectionProps) {
  const { data: agentTypes } = useSuspenseQuery(catalogQueries.agentTypes());
  const { data: llmConfigs } = useSuspenseQuery(catalogQueries.llmConfigs());
  const { agent_type, llm_config } = detail.config.agent_settings;
  const ctx = useMemo<SettingsContext>(
    () => ({ agentTypes, llmConfigs, current: { agent_type, llm_config } }),
    [agentTypes, llmConfigs, agent_type, llm_config],
  );
  const editor = useSectionEditor({ agentId, model: settingsModel, ctx, detail, canEdit });
  const describe = useMemo(() => (v: SettingsForm) => settingsModel.describe(v, ctx), [ctx]);

  return (
    <SectionCard
      title="Settings"
      description="How the agent presents itself and behaves: its name, system prompt, model and reasoning."
      dirty={editor.dirty}
    >
      <EditorNotices editor={editor} describe={describe} />
      <SettingsFormView
        key={editor.formKey}
        agentId={agentId}
        project={detail.project}
        editor={editor}
        ctx={ctx}
      />
    </SectionCard>
  );
}

interface SettingsFormViewProps {
  agentId: number;
  project: AgentDetail['project'];
  editor: SectionEditor<SettingsForm>;
  ctx: SettingsContext;
}

function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="sm">
      <Title order={3} fz="sm" tt="uppercase" c="dimmed" fw={700} style={{ letterSpacing: '0.04em' }}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}

function SettingsFormView({ agentId, project, editor, ctx }: SettingsFormViewProps) {
  // Uncontrolled: typing in a 200,000-character prompt must not re-render the form.
  const { form, submit, invalid } = useSectionForm(editor, settingsFormSchema, 'uncontrolled');
  const locked = !editor.canEdit;
  const reactEnabled = form.useWatchValue('react_enabled');
  // With ReAct off, the limit is disabled and unused: a limit left empty or out of range there
  // would refuse the save at a field nobody can change. It goes back to what it was.
  const reactSwitch = form.getInputProps('react_enabled', { type: 'checkbox' });
  const onReactChange = (event: React.ChangeEvent<HTMLInputElement>) => {
    (reactSwitch.onChange as (e: React.ChangeEvent<HTMLInputElement>) => void)(event);
    const limit = form.getValues().react_max_iteration_count;
    if (
      !event.currentTarget.checked &&
      !settingsFormSchema.shape.react_max_iteration_count.safeParse(limit).success
    ) {
      form.setFieldValue('react_max_iteration_count', editor.base.react_max_iteration_count);
      form.clearFieldError('react_max_iteration_count');
    }
  };

  const typeOptions = ctx.agentTypes.map((t) => ({ value: String(t.id), label: t.name }));
  const currentType = ctx.current.agent_type;
  if (currentType && !typeOptions.some((o) => o.value === String(currentType.id))) {
    typeOptions.push({ value: String(currentType.id), label: `${currentType.name} (no longer offered)` });
  }
  const modelOptions = ctx.llmConfigs.map((m) => ({
    value: String(m.id),
    label: `${m.model_name} · ${m.provider}`,
  }));
  const currentModel = ctx.current.llm_config;
  if (currentModel && !modelOptions.some((o) => o.value === String(currentModel.id))) {
    modelOptions.push({
      value: String(currentModel.id),
      label: `${currentModel.model_name} (no longer offered)`,
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Settings">
      <Stack px="lg" pb="lg" gap="xl">
        <Group title="Identity">
          <EditLock locked={locked} block>
            <TextInput
              label="Name"
              withAsterisk
              readOnly={locked}
              key={form.key('agent_name')}
              {...form.getInputProps('agent_name')}
            />
          </EditLock>
          {!locked && (
            <SameNameNote form={form} agentId={agentId} project={project} saved={editor.base.agent_name} />
          )}
          <EditLock locked={locked} block>
            <Textarea
              label="Description"
              description="What the agent is for, as people browsing agents see it."
              // Sized by CSS, not by measuring in JavaScript: an autosizing field measures on
              // every render of the form, and with a long prompt beside it each measure lays out
              // the whole prompt again (the first key into a 200,000-character prompt took 80 ms).
              styles={DESCRIPTION_STYLES}
              readOnly={locked}
              key={form.key('domain')}
              {...form.getInputProps('domain')}
            />
          </EditLock>
        </Group>

        <Group title="System prompt">
          <EditLock locked={locked} block>
            <PromptEditor
              id="settings-prefix-prompt"
              label="System prompt"
              description="Sent to the model before every conversation."
              readOnly={locked}
              key={form.key('prefix_prompt')}
              {...(form.getInputProps('prefix_prompt') as {
                defaultValue: string;
                onChange: (e: React.ChangeEvent<HTMLTextAreaElement>) => void;
                onBlur: () => void;
                onFocus: () => void;
                error?: ReactNode;
              })}
            />
          </EditLock>
        </Group>

        <Group title="Sample questions">
          {(['sample_q1', 'sample_q2', 'sample_q3'] as const).map((field, i) => (
            <EditLock key={field} locked={locked} block>
              <TextInput
                label={`Sample question ${i + 1}`}
                placeholder={i === 0 ? 'What can you help me with?' : undefined}
                readOnly={locked}
                key={form.key(field)}
                {...form.getInputProps(field)}
              />
            </EditLock>
          ))}
        </Group>

        <Group title="Model and behaviour">
          <Grid gap="md">
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <EditLock locked={locked} block>
                <Select
                  label="Agent type"
                  placeholder="No type"
                  data={typeOptions}
                  clearable
                  clearButtonProps={clearButton('Clear the agent type')}
                  disabled={locked}
                  nothingFoundMessage="No agent type matches"
                  key={form.key('agent_type_id')}
                  {...form.getInputProps('agent_type_id')}
                />
              </EditLock>
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <EditLock locked={locked} block>
                <Select
                  label="Model"
                  description="One of the organisation's model configurations."
                  placeholder="The organisation's default"
                  data={modelOptions}
                  searchable
                  clearable
                  clearButtonProps={clearButton('Clear the model')}
                  disabled={locked}
                  nothingFoundMessage="No model configuration matches"
                  key={form.key('llm_config_id')}
                  {...form.getInputProps('llm_config_id')}
                />
              </EditLock>
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Input.Wrapper label="Reasoning mode" id="settings-reasoning-mode" labelElement="div">
                <EditLock locked={locked} block>
                  <SegmentedControl
                    fullWidth
                    aria-labelledby="settings-reasoning-mode-label"
                    data={REASONING_MODES.map((m) => ({ value: m, label: choiceLabel(m) }))}
                    disabled={locked}
                    key={form.key('reasoning_mode')}
                    {...form.getInputProps('reasoning_mode')}
                  />
                </EditLock>
              </Input.Wrapper>
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <EditLock locked={locked} block>
                <Select
                  label="Character voice"
                  placeholder="No voice"
                  data={CHARACTER_VOICES.map((v) => ({ value: v, label: choiceLabel(v) }))}
                  clearable
                  clearButtonProps={clearButton('Clear the character voice')}
                  disabled={locked}
                  key={form.key('character_voice')}
                  {...form.getInputProps('character_voice')}
                />
              </EditLock>
            </Grid.Col>
            <Grid.Col span={12}>
              <Stack gap="md" mt={4}>
                <EditLock locked={locked}>
                  <Switch
                    label="Caching"
                    description="Reuse answers to repeated questions."
                    disabled={locked}
                    key={form.key('caching_enabled')}
                    {...form.getInputProps('caching_enabled', { type: 'checkbox' })}
                  />
                </EditLock>
                <EditLock locked={locked}>
                  <Switch
                    label="ReAct"
                    description="Let the agent reason and call tools in steps."
                    disabled={locked}
                    key={form.key('react_enabled')}
                    {...reactSwitch}
                    onChange={onReactChange}
                  />
                </EditLock>
                <EditLock locked={locked} block>
                  <NumberInput
                    label="ReAct iteration limit"
                    description={
                      reactEnabled
                        ? 'Steps the agent may take for one answer, 1 to 50.'
                        : 'Turn ReAct on to use it.'
                    }
                    min={1}
                    max={50}
                    // A number out of range is called out at the field rather than changed
                    // behind the person's back (51 silently becoming 50, -3 becoming 3).
                    clampBehavior="none"
                    allowDecimal={false}
                    maw={240}
                    disabled={locked || !reactEnabled}
                    key={form.key('react_max_iteration_count')}
                    {...form.getInputProps('react_max_iteration_count')}
                  />
                </EditLock>
              </Stack>
            </Grid.Col>
          </Grid>
        </Group>
      </Stack>
      <SaveBar
        agentId={agentId}
        editor={editor}
        section="Settings"
        saveLabel="Save settings"
        onRetry={() => submit()}
        invalid={invalid}
      />
    </form>
  );
}

interface SameNameNoteProps {
  form: ReturnType<typeof useSectionForm<SettingsForm>>['form'];
  agentId: number;
  project: AgentDetail['project'];
  /** The name staging holds: keeping it, or going back to it, warns of nothing. */
  saved: string;
}

/**
 * Says, without refusing, that another agent of the project already has the name being typed. Its
 * own component: watching the name re-renders this note, not the form with its long prompt.
 */
function SameNameNote({ form, agentId, project, saved }: SameNameNoteProps) {
  const name = form.useWatchValue('agent_name');
  const same = useSameNameAgent(name.trim() === saved.trim() ? '' : name, project.id, agentId);
  if (!same || form.errors.agent_name) return null;
  return <SameNameWarning agent={same} stillYouCan="save this name" />;
}
