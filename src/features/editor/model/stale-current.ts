import { z } from 'zod';
import {
  accessSchema,
  agentSettingsReadSchema,
  guardrailSettingSchema,
  instructionReadSchema,
  knowledgeSourcesReadSchema,
  linkedToolSchema,
  sharepointFolderReadSchema,
  type AgentConfig,
} from '@contract';
import type { EditOp } from '@/api/agents/edits';

/**
 * A 412 carries what the edited part holds now (`details.current`). This puts it into the
 * configuration, so "theirs" is exactly what the server refused the edit against, whatever the
 * refetch brings later. An unreadable `current` leaves the configuration as it is.
 */
export function configWithCurrent(op: EditOp, current: unknown, config: AgentConfig): AgentConfig {
  switch (op.kind) {
    case 'settings': {
      const p = agentSettingsReadSchema.partial().safeParse(current);
      return p.success ? { ...config, agent_settings: { ...config.agent_settings, ...p.data } } : config;
    }
    case 'access': {
      const p = accessSchema.safeParse(current);
      return p.success ? { ...config, agent_settings: { ...config.agent_settings, access: p.data } } : config;
    }
    case 'tags': {
      const p = z.array(z.string()).safeParse(current);
      return p.success ? { ...config, agent_settings: { ...config.agent_settings, tags: p.data } } : config;
    }
    case 'add-instruction':
    case 'replace-instructions':
    case 'delete-instruction': {
      const p = z.array(instructionReadSchema).safeParse(current);
      return p.success ? { ...config, instructions: p.data } : config;
    }
    case 'connect-corpora':
    case 'disconnect-corpora':
    case 'connect-corpus':
    case 'update-corpus':
    case 'disconnect-corpus': {
      const p = knowledgeSourcesReadSchema.safeParse(current);
      return p.success ? { ...config, knowledge_sources: p.data } : config;
    }
    case 'connect-sharepoint':
    case 'update-sharepoint':
    case 'remove-sharepoint': {
      const p = sharepointFolderReadSchema.nullable().safeParse(current);
      return p.success
        ? { ...config, knowledge_sources: { ...config.knowledge_sources, sharepoint_folder: p.data } }
        : config;
    }
    case 'enable-tool':
    case 'disable-tool':
    case 'action-enabled':
    case 'action-config': {
      const p = z.array(linkedToolSchema).safeParse(current);
      return p.success ? { ...config, tools: p.data } : config;
    }
    case 'guardrail': {
      const p = z.array(guardrailSettingSchema).safeParse(current);
      return p.success ? { ...config, guardrails: p.data } : config;
    }
  }
}
