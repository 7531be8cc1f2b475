import { z } from 'zod';
import { schemaResolver, useForm } from '@mantine/form';
import { createAgentSchema, type CreateAgentInput } from '@contract';

/** The dialog's fields: the contract's name rule; the project as the Select holds it (a string id). */
export const createAgentFormSchema = z.object({
  agent_name: createAgentSchema.shape.agent_name,
  project_id: z
    .string()
    .nullable()
    .refine((v) => v !== null && /^\d+$/.test(v), { message: 'Choose a project' }),
});
export type CreateAgentFormValues = { agent_name: string; project_id: string | null };

export function useCreateAgentForm(
  projectId: number | null,
  onValuesChange?: (values: CreateAgentFormValues) => void,
) {
  return useForm<CreateAgentFormValues>({
    mode: 'controlled',
    initialValues: { agent_name: '', project_id: projectId === null ? null : String(projectId) },
    validate: schemaResolver(createAgentFormSchema, { sync: true }),
    onValuesChange,
  });
}

export type CreateAgentFormApi = ReturnType<typeof useCreateAgentForm>;

/** What the API is sent, from values that passed validation. */
export function toCreateAgentInput(values: CreateAgentFormValues): CreateAgentInput {
  return { agent_name: values.agent_name.trim(), project_id: Number(values.project_id) };
}

/** Where a server field error belongs in the dialog; anything else is shown above the buttons. */
export function createAgentErrorField(field: string): keyof CreateAgentFormValues | null {
  if (field === 'agent_name' || field.endsWith('.agent_name')) return 'agent_name';
  if (field === 'project_id' || field.endsWith('.project_id')) return 'project_id';
  return null;
}
