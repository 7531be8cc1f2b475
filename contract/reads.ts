import { z } from 'zod';
import { lazySchema } from './lazy';
import { accessSchema, corpusConnectionSchema, linkedToolSchema, sharepointFolderReadSchema } from './agent';
import { guardrailTypeSchema } from './catalog';

/**
 * Reads of one part of an agent's staging configuration. Each carries the staging revision so
 * an editor can send it back as `If-Match` with the edit that follows.
 */
const revision = { staging_revision: z.number().int(), has_unpublished_changes: z.boolean() };

/** `GET /agents/{id}/corpora`. */
export const agentCorporaWireSchema = lazySchema(() =>
  z.object({ corpora: z.array(corpusConnectionSchema), ...revision }),
);
export type AgentCorporaWire = z.infer<typeof agentCorporaWireSchema>;

/** `GET /agents/{id}/tools`. */
export const agentToolsWireSchema = lazySchema(() =>
  z.object({ tools: z.array(linkedToolSchema), ...revision }),
);
export type AgentToolsWire = z.infer<typeof agentToolsWireSchema>;

/** `GET /agents/{id}/guardrails`: every guardrail type of the catalogue, with this agent's state. */
export const agentGuardrailsWireSchema = lazySchema(() =>
  z.object({
    guardrail_types: z.array(guardrailTypeSchema),
    ...revision,
  }),
);
export type AgentGuardrailsWire = z.infer<typeof agentGuardrailsWireSchema>;

/** `GET /agents/{id}/access`. */
export const agentAccessWireSchema = lazySchema(() =>
  z.object({
    access: accessSchema,
    tags: z.array(z.string()),
    ...revision,
  }),
);
export type AgentAccessWire = z.infer<typeof agentAccessWireSchema>;

/** `GET /agents/{id}/sharepoint/folder`: `null` when no folder is connected (not a 404). */
export const agentSharepointWireSchema = lazySchema(() =>
  z.object({
    sharepoint_folder: sharepointFolderReadSchema.nullable(),
    ...revision,
  }),
);
export type AgentSharepointWire = z.infer<typeof agentSharepointWireSchema>;

/** `DELETE /agents/{id}`. */
export const agentDeletedWireSchema = lazySchema(() => z.object({ id: z.number().int() }));
