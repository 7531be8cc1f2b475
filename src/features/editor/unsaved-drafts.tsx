import { Button, CopyButton, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { deepEqual } from '@/lib/deep-equal';
import { isRecord } from '@/lib/format-value';
import { EDITOR_SECTIONS } from './editor-sections';
import { draftStore, useDirtyForms, useDraft } from './draft-store';
import type { FormId } from './model/section-model';

/** A form's name for people: its section's, but for the SharePoint folder beside the corpora. */
function formLabel(form: FormId): string {
  if (form === 'sharepoint') return 'SharePoint folder';
  return EDITOR_SECTIONS.find((s) => (s.forms as readonly FormId[]).includes(form))?.label ?? form;
}

/** The fields the user changed (all of them when the draft kept no base to compare with). */
function changedFields(values: unknown, base: unknown): unknown {
  if (!isRecord(values) || !isRecord(base)) return values;
  return Object.fromEntries(Object.entries(values).filter(([key, value]) => !deepEqual(value, base[key])));
}

export interface UnsavedDraftsProps {
  agentId: number;
}

/**
 * What was typed for an agent and never saved, when the agent is gone (deleted while someone
 * edited it): each form's text, to copy out, and a way to let it go. Nothing when there is none.
 */
export function UnsavedDrafts({ agentId }: UnsavedDraftsProps) {
  const forms = useDirtyForms(agentId);
  if (forms.length === 0) return null;
  return (
    <Stack gap="sm" mt="xl" ta="left" w="100%">
      <Title order={2} size="h4">
        Your unsaved changes
      </Title>
      <Text size="sm" c="dimmed">
        They could not be saved to this agent. Copy what you need; they stay here until you forget them or
        sign out.
      </Text>
      {forms.map((form) => (
        <DraftText key={form} agentId={agentId} form={form} />
      ))}
      <Group>
        <Button variant="default" onClick={() => forms.forEach((form) => draftStore.clear(agentId, form))}>
          Forget these changes
        </Button>
      </Group>
    </Stack>
  );
}

function DraftText({ agentId, form }: { agentId: number; form: FormId }) {
  const draft = useDraft<unknown>(agentId, form);
  const text = draft ? JSON.stringify(changedFields(draft.values, draft.base), null, 2) : '';
  const label = formLabel(form);
  return (
    <Stack gap={4}>
      <Textarea
        label={label}
        value={text}
        readOnly
        rows={Math.min(12, Math.max(3, text.split('\n', 13).length))}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      />
      <Group justify="flex-end">
        <CopyButton value={text}>
          {({ copied, copy }) => (
            <Button size="xs" variant="light" onClick={copy} aria-label={`Copy ${label}`}>
              {copied ? 'Copied' : 'Copy'}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}
