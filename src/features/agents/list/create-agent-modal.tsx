import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { isApiError, errorMessage } from '@/api/api-error';
import { useSameNameAgent } from '@/api/agents/same-name';
import { useCreateAgent } from '@/api/agents/create';
import type { AgentDetail } from '@/api/adapter';
import { catalogQueries } from '@/api/catalog/queries';
import { ConsoleIcon } from '@/components/console-icon';
import { SameNameWarning } from '@/components/same-name-warning';
import { LIMITS } from '@contract';
import {
  createAgentErrorField,
  toCreateAgentInput,
  useCreateAgentForm,
  type CreateAgentFormApi,
} from './create-agent-form';
import { projectSelectData } from './project-select-data';

export interface CreateAgentModalProps {
  opened: boolean;
  onClose: () => void;
  /** The project the list is filtered by, if any: the likely home of the new agent. */
  defaultProjectId: number | null;
  onCreated: (agent: AgentDetail) => void;
  /** Once the modal has closed: where the keyboard focus goes back to. */
  onClosed?: () => void;
}

/** The modal unmounts its content once closed, so each new dialog starts empty. */
export function CreateAgentModal({
  opened,
  onClose,
  defaultProjectId,
  onCreated,
  onClosed,
}: CreateAgentModalProps) {
  const [busy, setBusy] = useState(false);
  // A click beside the dialog (a text selection that ended outside, a missed button) closed it,
  // and the name typed went with it: once there is a name, only Cancel, Escape or × close it.
  const [named, setNamed] = useState(false);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="New agent"
      centered
      size="md"
      closeOnClickOutside={!busy && !named}
      closeOnEscape={!busy}
      withCloseButton={!busy}
      onExitTransitionEnd={() => {
        // The next dialog starts empty (its form is new), so closes again with a click beside it.
        setNamed(false);
        onClosed?.();
      }}
    >
      <Text size="sm" c="dimmed" mb="md">
        It starts live as version 1 with default settings. Edits then go to staging until someone publishes
        them.
      </Text>
      <CreateAgentForm
        defaultProjectId={defaultProjectId}
        onCancel={onClose}
        onCreated={onCreated}
        onBusyChange={setBusy}
        onNamedChange={setNamed}
      />
    </Modal>
  );
}

interface CreateAgentFormProps {
  defaultProjectId: number | null;
  onCancel: () => void;
  onCreated: (agent: AgentDetail) => void;
  onBusyChange: (busy: boolean) => void;
  /** Whether a name has been typed. */
  onNamedChange: (named: boolean) => void;
}

function applyServerError(form: CreateAgentFormApi, e: unknown): string | null {
  if (!isApiError(e)) return errorMessage(e);
  if (e.status === 403) return `${e.message} Creating agents needs edit permission; ask an admin.`;
  const unplaced: string[] = [];
  for (const d of e.fieldErrors) {
    const field = createAgentErrorField(d.field);
    if (field) form.setFieldError(field, d.message);
    else unplaced.push(d.message);
  }
  if (e.fieldErrors.length > 0) return unplaced.length ? unplaced.join(' ') : null;
  return e.message;
}

function CreateAgentForm({
  defaultProjectId,
  onCancel,
  onCreated,
  onBusyChange,
  onNamedChange,
}: CreateAgentFormProps) {
  const projects = useQuery(catalogQueries.projects());
  // The list may be filtered by a project the catalogue does not hold (an old link): the Select
  // would show no project while the form still sent that one, for the server to refuse.
  const form = useCreateAgentForm(
    projects.data && !projects.data.some((p) => p.id === defaultProjectId) ? null : defaultProjectId,
    (values) => onNamedChange(values.agent_name.trim() !== ''),
  );
  const createAgent = useCreateAgent();
  const [formError, setFormError] = useState<string | null>(null);
  const { agent_name: name, project_id: projectValue } = form.values;
  const sameName = useSameNameAgent(
    name,
    projectValue && /^\d+$/.test(projectValue) ? Number(projectValue) : null,
  );

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    onBusyChange(true);
    try {
      const agent = await createAgent.mutateAsync(toCreateAgentInput(values));
      onCreated(agent);
    } catch (e) {
      setFormError(applyServerError(form, e));
    } finally {
      onBusyChange(false);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput
          label="Name"
          placeholder="e.g. Benefits Navigator"
          description={`Up to ${LIMITS.agentName} characters; you can rename it later.`}
          required
          data-autofocus
          {...form.getInputProps('agent_name')}
        />
        {sameName && !form.errors.agent_name && (
          <SameNameWarning agent={sameName} stillYouCan="create this one" />
        )}
        <Select
          label="Project"
          placeholder={projects.isPending ? 'Loading projects…' : 'Choose a project'}
          data={projectSelectData(projects.data ?? [])}
          required
          searchable
          nothingFoundMessage="No project has that name"
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('project_id')}
          error={
            form.errors.project_id ??
            (projects.isError && !projects.data
              ? 'Projects could not be loaded. Close and try again.'
              : undefined)
          }
        />
        {formError && (
          <Alert
            color="red"
            variant="light"
            icon={<ConsoleIcon name="alert" />}
            role="alert"
            title="The agent was not created"
          >
            {formError}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onCancel} disabled={createAgent.isPending}>
            Cancel
          </Button>
          <Button type="submit" loading={createAgent.isPending}>
            Create agent
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
