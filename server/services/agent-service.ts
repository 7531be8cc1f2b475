import type {
  AgentDetailWire,
  AgentListQuery,
  AgentListWire,
  AgentSettings,
  CreateAgentInput,
  Environment,
  Permission,
} from '../../contract';
import { DEFAULT_SETTINGS, newAgentConfig } from '../domain/defaults';
import { configFingerprint } from '../domain/config-fingerprint';
import { addTags } from '../domain/tags';
import { notFound, validationError } from '../http/api-error';
import type { UserRecord } from '../repositories/users';
import { nowTimestamp, productionConfig, requireAgent, stagingConfig, type ServiceContext } from './context';
import type { PublishService } from './publish-service';
import { agentDetailWire, agentSummaryWire, pagination } from './wire';

export function createAgentService(ctx: ServiceContext, publishing: PublishService) {
  const { agents, catalog } = ctx.repos;

  function resolveSettings(input: CreateAgentInput): AgentSettings {
    const { project_id: _project, agent_type, llm_config, ...rest } = input;
    let agentType: AgentSettings['agent_type'] = null;
    if (agent_type) {
      const found = catalog.agentType(agent_type.id);
      if (!found)
        throw validationError([{ field: 'agent_type', message: `No agent type with id ${agent_type.id}` }]);
      agentType = found;
    }
    let llm: AgentSettings['llm_config'] = null;
    const llmId = llm_config === undefined ? catalog.llmConfigs()[0]?.id : llm_config?.id;
    if (llmId !== undefined) {
      const found = catalog.llmConfig(llmId);
      if (!found)
        throw validationError([{ field: 'llm_config', message: `No model configuration with id ${llmId}` }]);
      llm = { id: found.id, model_name: found.model_name };
    }
    return {
      ...DEFAULT_SETTINGS,
      ...rest,
      tags: addTags([], rest.tags ?? DEFAULT_SETTINGS.tags),
      agent_type: agentType,
      llm_config: llm,
    };
  }

  return {
    list(query: AgentListQuery): AgentListWire {
      const { rows, total } = agents.list(
        { project_id: query.project_id, q: query.q, has_unpublished_changes: query.has_unpublished_changes },
        query.items_per_page,
        (query.page - 1) * query.items_per_page,
      );
      return { ...pagination(total, query.page, query.items_per_page), agents: rows.map(agentSummaryWire) };
    },

    detail(agentId: number, environment: Environment): AgentDetailWire {
      const agent = requireAgent(ctx, agentId);
      const config = environment === 'production' ? productionConfig(ctx, agent) : stagingConfig(ctx, agent);
      return agentDetailWire(agent, config, environment);
    },

    /** A new agent starts live: its first configuration is published at once as version 1. */
    create(input: CreateAgentInput, actor: UserRecord): AgentDetailWire {
      const project = catalog.project(input.project_id);
      if (!project)
        throw validationError([{ field: 'project_id', message: `No project with id ${input.project_id}` }]);
      const config = newAgentConfig(resolveSettings(input), catalog.guardrailTypes());
      const id = ctx.db
        .transaction(() => {
          const on = nowTimestamp(ctx.config.clock);
          const created = agents.insert({
            project_id: project.id,
            agent_name: config.agent_settings.agent_name,
            domain: config.agent_settings.domain,
            access: config.agent_settings.access,
            tags: config.agent_settings.tags,
            fingerprint: configFingerprint(config),
            config: JSON.stringify(config),
            created_by: actor.email,
            created_on: on,
          });
          publishing.publish(created, actor, {
            note: 'Created',
            summary: { text: 'Agent created', sections: [] },
          });
          return created;
        })
        .immediate();
      return agentDetailWire(requireAgent(ctx, id), config, 'staging');
    },

    remove(agentId: number): { id: number } {
      if (!agents.remove(agentId)) throw notFound(`No agent with id ${agentId}`);
      return { id: agentId };
    },

    /** Roles are organisation-wide in the sandbox; asking about an agent still needs it to exist. */
    permissions(agentId: number, user: UserRecord): { permissions: Permission[] } {
      requireAgent(ctx, agentId);
      return { permissions: user.permissions };
    },
  };
}
export type AgentService = ReturnType<typeof createAgentService>;
