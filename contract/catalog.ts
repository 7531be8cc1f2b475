import { z } from 'zod';
import { lazySchema } from './lazy';
import { actionConfigSchema } from './agent';

export const teamSchema = lazySchema(() => z.object({ id: z.number().int(), name: z.string() }));
export const projectSchema = lazySchema(() =>
  z.object({ id: z.number().int(), name: z.string(), team: teamSchema }),
);
export type Project = z.infer<typeof projectSchema>;
export const projectListSchema = lazySchema(() => z.object({ projects: z.array(projectSchema) }));

export const corpusSchema = lazySchema(() =>
  z.object({
    id: z.number().int(),
    name: z.string(),
    description: z.string(),
    document_count: z.number().int(),
  }),
);
export type Corpus = z.infer<typeof corpusSchema>;
export const corpusListSchema = lazySchema(() => z.object({ corpora: z.array(corpusSchema) }));

export const orgToolActionSchema = lazySchema(() =>
  z.object({
    id: z.number().int(),
    name: z.string(),
    description: z.string(),
    default_config: actionConfigSchema,
  }),
);
export const orgToolSchema = lazySchema(() =>
  z.object({
    id: z.number().int(),
    name: z.string(),
    type: z.string(),
    description: z.string(),
    actions: z.array(orgToolActionSchema),
  }),
);
export type OrgTool = z.infer<typeof orgToolSchema>;
export const orgToolListSchema = lazySchema(() => z.object({ tools: z.array(orgToolSchema) }));

export const agentTypeSchema = lazySchema(() => z.object({ id: z.number().int(), name: z.string() }));
export type AgentType = z.infer<typeof agentTypeSchema>;
export const agentTypeListSchema = lazySchema(() => z.object({ agent_types: z.array(agentTypeSchema) }));

export const llmConfigSchema = lazySchema(() =>
  z.object({
    id: z.number().int(),
    model_name: z.string(),
    provider: z.string(),
  }),
);
export type LlmConfig = z.infer<typeof llmConfigSchema>;
export const llmConfigListSchema = lazySchema(() => z.object({ llm_configs: z.array(llmConfigSchema) }));

export const guardrailTypeSchema = lazySchema(() =>
  z.object({
    type: z.string(),
    name: z.string(),
    description: z.string(),
    enabled: z.boolean(),
  }),
);
export type GuardrailType = z.infer<typeof guardrailTypeSchema>;
export const guardrailTypeListSchema = lazySchema(() =>
  z.object({ guardrail_types: z.array(guardrailTypeSchema) }),
);
