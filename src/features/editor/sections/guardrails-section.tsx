import { Badge, Group, Paper, Stack, Switch, Text } from '@mantine/core';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { z } from 'zod';
import type { AgentDetail } from '@/api/adapter';
import { agentQueries } from '@/api/agents/queries';
import { EditorNotices } from '../editor-notices';
import { EditLock } from '../edit-lock';
import classes from '../editor.module.css';
import { SaveBar } from '../save-bar';
import { SectionCard } from '../section-card';
import { useSectionEditor, type SectionEditor } from '../use-section-editor';
import { useSectionForm } from '../use-section-form';
import {
  guardrailName,
  guardrailsModel,
  type GuardrailsContext,
  type GuardrailsForm,
} from '../model/guardrails-model';

export interface GuardrailsSectionProps {
  agentId: number;
  detail: AgentDetail;
  canEdit: boolean;
}

const guardrailsFormSchema = z.object({ enabled: z.record(z.string(), z.boolean()) });

/** Every guardrail type with its description, on or off for this agent (`PATCH …/guardrails` each). */
export function GuardrailsSection({ agentId, detail, canEdit }: GuardrailsSectionProps) {
  const { data: types } = useSuspenseQuery(agentQueries.guardrailTypes(agentId));
  const ctx = useMemo<GuardrailsContext>(() => ({ types }), [types]);
  const editor = useSectionEditor({ agentId, model: guardrailsModel, ctx, detail, canEdit });
  const describe = useMemo(() => (v: GuardrailsForm) => guardrailsModel.describe(v, ctx), [ctx]);

  return (
    <SectionCard
      title="Guardrails"
      description="Checks applied to what users ask and what the agent answers."
      dirty={editor.dirty}
    >
      <EditorNotices editor={editor} describe={describe} />
      <GuardrailsFormView key={editor.formKey} agentId={agentId} editor={editor} ctx={ctx} detail={detail} />
    </SectionCard>
  );
}

interface GuardrailsFormViewProps {
  agentId: number;
  editor: SectionEditor<GuardrailsForm>;
  ctx: GuardrailsContext;
  detail: AgentDetail;
}

function GuardrailsFormView({ agentId, editor, ctx, detail }: GuardrailsFormViewProps) {
  const { form, submit, invalid } = useSectionForm(editor, guardrailsFormSchema);
  const locked = !editor.canEdit;
  const enabled = form.getValues().enabled;
  const types = Object.keys(enabled);

  return (
    <form onSubmit={submit} noValidate aria-label="Guardrails">
      <Stack px="lg" pb="lg" gap="xs">
        {types.length === 0 && (
          <Paper withBorder radius="md" p="lg" className={classes.subtle}>
            <Text size="sm" c="dimmed" ta="center">
              No guardrail types are available.
            </Text>
          </Paper>
        )}
        {types.map((type) => {
          const name = guardrailName(type, ctx, detail.config);
          const description = ctx.types.find((t) => t.type === type)?.description;
          const changed = editor.base.enabled[type] !== enabled[type];
          return (
            <Paper key={type} withBorder radius="md" p="md">
              <Group justify="space-between" wrap="nowrap" align="flex-start" gap="lg">
                <Stack gap={2}>
                  <Group gap="xs">
                    <Text fw={600} size="sm">
                      {name}
                    </Text>
                    {changed && (
                      <Badge size="xs" variant="light" color="yellow">
                        {enabled[type] ? 'Will be turned on' : 'Will be turned off'}
                      </Badge>
                    )}
                  </Group>
                  <Text size="sm" c="dimmed">
                    {description || 'No description.'}
                  </Text>
                </Stack>
                <EditLock locked={locked}>
                  <Switch
                    aria-label={name}
                    label={enabled[type] ? 'On' : 'Off'}
                    labelPosition="left"
                    disabled={locked}
                    key={form.key(`enabled.${type}`)}
                    {...form.getInputProps(`enabled.${type}`, { type: 'checkbox' })}
                  />
                </EditLock>
              </Group>
            </Paper>
          );
        })}
      </Stack>
      <SaveBar
        agentId={agentId}
        editor={editor}
        section="Guardrails"
        saveLabel="Save guardrails"
        onRetry={() => submit()}
        invalid={invalid}
      />
    </form>
  );
}
