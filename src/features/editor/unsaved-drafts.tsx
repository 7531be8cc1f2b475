import { Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { Component, lazy, Suspense, type ReactNode } from 'react';
import { draftStore, useDirtyForms } from './draft-store';

/** Each form's fields, read with the sections' models: loaded when there is something to show. */
const DraftText = lazy(() => import('./unsaved-draft-text').then((m) => ({ default: m.DraftText })));

/** Says so when the fields' code cannot be downloaded (the server out of reach): the drafts are kept. */
class OnLoadFailure extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? (
      <Text size="sm" role="alert">
        Your unsaved changes could not be shown: part of the console could not be downloaded. They are kept in
        this tab; reload the page to see them.
      </Text>
    ) : (
      this.props.children
    );
  }
}

export interface UnsavedDraftsProps {
  agentId: number;
}

/**
 * What was typed for an agent and never saved, when the agent is gone (deleted while someone
 * edited it): each form's changed fields, labelled as the form labels them, their text as typed,
 * each to copy out; and a way to let it all go. Nothing when there is none.
 */
export function UnsavedDrafts({ agentId }: UnsavedDraftsProps) {
  const forms = useDirtyForms(agentId);
  if (forms.length === 0) return null;
  return (
    <Stack gap="md" mt="xl" ta="left" w="100%">
      <Title order={2} size="h4">
        Your unsaved changes
      </Title>
      <Text size="sm" c="dimmed">
        They could not be saved to this agent. Copy what you need; they stay here until you forget them or
        sign out.
      </Text>
      <OnLoadFailure>
        <Suspense fallback={<Loader size="sm" aria-label="Loading your unsaved changes" />}>
          {forms.map((form) => (
            <DraftText key={form} agentId={agentId} form={form} />
          ))}
        </Suspense>
      </OnLoadFailure>
      <Group>
        <Button variant="default" onClick={() => forms.forEach((form) => draftStore.clear(agentId, form))}>
          Forget these changes
        </Button>
      </Group>
    </Stack>
  );
}
