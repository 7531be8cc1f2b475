import { Alert, Anchor, Button, Group, Paper, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useRef } from 'react';
import type { AgentDetail } from '@/api/adapter';
import { ConsoleIcon } from '@/components/console-icon';
import { EditorNotices } from '../editor-notices';
import { EditLock } from '../edit-lock';
import classes from '../editor.module.css';
import { SaveBar } from '../save-bar';
import { SectionCard } from '../section-card';
import { useSectionEditor, type SectionEditor } from '../use-section-editor';
import { useSectionForm } from '../use-section-form';
import { sharepointFormSchema, sharepointModel, type SharepointForm } from '../model/sharepoint-model';

export interface SharepointSectionProps {
  agentId: number;
  detail: AgentDetail;
  canEdit: boolean;
}

const describe = (v: SharepointForm) => sharepointModel.describe(v, undefined);

/** The one SharePoint folder the agent reads: connect, change or remove (the address checked before sending). */
export function SharepointSection({ agentId, detail, canEdit }: SharepointSectionProps) {
  const editor = useSectionEditor({ agentId, model: sharepointModel, ctx: undefined, detail, canEdit });
  return (
    <SectionCard
      title="SharePoint folder"
      description="A SharePoint document folder the agent also answers from."
      dirty={editor.dirty}
    >
      <EditorNotices editor={editor} describe={describe} />
      <SharepointFormView key={editor.formKey} agentId={agentId} editor={editor} />
    </SectionCard>
  );
}

function SharepointFormView({ agentId, editor }: { agentId: number; editor: SectionEditor<SharepointForm> }) {
  const { form, submit, invalid } = useSectionForm(editor, sharepointFormSchema);
  const locked = !editor.canEdit;
  const values = form.getValues();
  const base = editor.base;

  // The button pressed goes with what it hides: the focus moves to the address when the folder's
  // fields appear, and to the button that brings them back when they go.
  const address = useRef<HTMLInputElement>(null);
  const showFields = useRef<HTMLButtonElement>(null);
  const setConnected = (next: SharepointForm) => {
    form.setValues(next);
    requestAnimationFrame(() => (next.connected ? address.current : showFields.current)?.focus());
  };

  return (
    <form onSubmit={submit} noValidate aria-label="SharePoint folder">
      <Stack px="lg" pb="lg" gap="md">
        {!values.connected ? (
          <Paper withBorder radius="md" p="lg" className={classes.subtle}>
            <Stack gap="sm" align="center">
              <Text size="sm" c="dimmed" ta="center">
                {base.connected ? (
                  <>
                    The folder{' '}
                    <Anchor href={base.folder_url} target="_blank" rel="noreferrer" size="sm">
                      {base.folder_name || base.folder_url}
                    </Anchor>{' '}
                    will be disconnected when you save.
                  </>
                ) : (
                  'No SharePoint folder is connected.'
                )}
              </Text>
              <EditLock locked={locked}>
                <Button
                  variant="light"
                  leftSection={<ConsoleIcon name={base.connected ? 'rewind' : 'plus'} size={16} />}
                  disabled={locked}
                  ref={showFields}
                  onClick={() => setConnected(base.connected ? base : { ...values, connected: true })}
                >
                  {base.connected ? 'Keep the folder' : 'Connect a folder'}
                </Button>
              </EditLock>
            </Stack>
          </Paper>
        ) : (
          <>
            {!base.connected && (
              // A note on what to do, not an alert: nothing went wrong (Mantine's Alert says role=alert).
              <Alert variant="light" color="indigo" radius="md" p="sm" role="note">
                <Text size="sm">
                  Enter the folder’s address as it appears in the browser, then save to connect it.
                </Text>
              </Alert>
            )}
            <EditLock locked={locked} block>
              <TextInput
                label="Folder address"
                withAsterisk
                placeholder="https://contoso.sharepoint.com/sites/hr/Shared%20Documents/Policies"
                description="An https:// address on a *.sharepoint.com site."
                readOnly={locked}
                inputMode="url"
                autoComplete="off"
                key={form.key('folder_url')}
                {...form.getInputProps('folder_url')}
                ref={address}
              />
            </EditLock>
            <EditLock locked={locked} block>
              <TextInput
                label="Display name"
                placeholder="Taken from the address when left empty"
                readOnly={locked}
                key={form.key('folder_name')}
                {...form.getInputProps('folder_name')}
              />
            </EditLock>
            <EditLock locked={locked}>
              <Switch
                label="Include subfolders"
                disabled={locked}
                key={form.key('include_subfolders')}
                {...form.getInputProps('include_subfolders', { type: 'checkbox' })}
              />
            </EditLock>
            <Group>
              <EditLock locked={locked}>
                <Button
                  variant="subtle"
                  color="red"
                  leftSection={<ConsoleIcon name="trash" size={16} />}
                  disabled={locked}
                  onClick={() => setConnected(base.connected ? { ...values, connected: false } : base)}
                >
                  {base.connected ? 'Remove folder' : 'Cancel connecting'}
                </Button>
              </EditLock>
            </Group>
          </>
        )}
      </Stack>
      <SaveBar
        agentId={agentId}
        editor={editor}
        section="the SharePoint folder"
        saveLabel="Save SharePoint folder"
        onRetry={() => submit()}
        invalid={invalid}
      />
    </form>
  );
}
