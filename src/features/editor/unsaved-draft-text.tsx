import { Button, CopyButton, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { agentQueries } from '@/api/agents/queries';
import { catalogQueries } from '@/api/catalog/queries';
import { EDITOR_SECTIONS } from './editor-sections';
import { useDraft } from './draft-store';
import { draftFields, type DraftField, type DraftNames } from './model/draft-fields';
import type { FormId } from './model/section-model';

/** A form's name for people: its section's, but for the SharePoint folder beside the corpora. */
function formLabel(form: FormId): string {
  if (form === 'sharepoint') return 'SharePoint folder';
  return EDITOR_SECTIONS.find((s) => (s.forms as readonly FormId[]).includes(form))?.label ?? form;
}

const NONE: readonly never[] = [];

/**
 * The names of what a form refers to by id (a model, a knowledge source): the catalogues the
 * form needs, read for it. The agent's own guardrail types only as the cache holds them: the
 * agent is gone.
 */
function useDraftNames(agentId: number, form: FormId): DraftNames {
  const agentTypes = useQuery({ ...catalogQueries.agentTypes(), enabled: form === 'settings' }).data;
  const llmConfigs = useQuery({ ...catalogQueries.llmConfigs(), enabled: form === 'settings' }).data;
  const corpora = useQuery({ ...catalogQueries.corpora(), enabled: form === 'corpora' }).data;
  const orgTools = useQuery({ ...catalogQueries.tools(), enabled: form === 'tools' }).data;
  const guardrailTypes = useQuery({ ...agentQueries.guardrailTypes(agentId), enabled: false }).data;
  return useMemo(
    () => ({
      agentTypes: agentTypes ?? NONE,
      llmConfigs: llmConfigs ?? NONE,
      corpora: corpora ?? NONE,
      orgTools: orgTools ?? NONE,
      guardrailTypes: guardrailTypes ?? NONE,
    }),
    [agentTypes, llmConfigs, corpora, orgTools, guardrailTypes],
  );
}

/**
 * One form's unsaved fields, for UnsavedDrafts: a module of its own, loaded only when there are
 * any, for it reads them with every section's model, which the agent's other screens do without.
 */
export function DraftText({ agentId, form }: { agentId: number; form: FormId }) {
  const draft = useDraft<unknown>(agentId, form);
  const names = useDraftNames(agentId, form);
  const fields = useMemo(
    () => (draft ? draftFields(form, draft.values, draft.base, names) : []),
    [draft, form, names],
  );
  const label = formLabel(form);
  return (
    <Stack gap="xs" component="section" aria-label={label}>
      <Title order={3} size="h5">
        {label}
      </Title>
      {fields.map((field) => (
        <DraftFieldText key={field.key} field={field} />
      ))}
    </Stack>
  );
}

/** One changed field: its text as typed, in a field of its own to select from, and a copy button. */
function DraftFieldText({ field }: { field: DraftField }) {
  if (field.text === null) {
    return (
      <Text size="sm">
        {field.label}:{' '}
        <Text span size="sm" c="dimmed" fs="italic">
          removed
        </Text>
      </Text>
    );
  }
  return (
    <Stack gap={4}>
      <Textarea
        label={field.label}
        value={field.text}
        readOnly
        // As tall as the text where the browser sizes fields to their content, up to a screenful.
        rows={Math.min(12, field.text.split('\n', 13).length)}
        styles={{ input: { fieldSizing: 'content', maxHeight: '50vh', whiteSpace: 'pre-wrap' } }}
      />
      <Group justify="flex-end">
        <CopyButton value={field.text}>
          {({ copied, copy }) => (
            <Button size="xs" variant="light" onClick={copy} aria-label={`Copy ${field.label}`}>
              {copied ? 'Copied' : 'Copy'}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}
