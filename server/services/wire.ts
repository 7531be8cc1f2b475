import type {
  AgentConfig,
  AgentDetailWire,
  AgentSummaryWire,
  Environment,
  PublishRecordWire,
} from '../../contract';
import type { AgentRecord } from '../repositories/agents';
import type { PublishRecordRow } from '../repositories/publishes';

/** Ejento's agent objects are flat: the agent_settings fields sit at the top level. */
export function agentDetailWire(
  agent: AgentRecord,
  config: AgentConfig,
  environment: Environment,
): AgentDetailWire {
  return {
    ...config.agent_settings,
    id: agent.id,
    project: agent.project,
    environment,
    instructions: config.instructions,
    knowledge_sources: config.knowledge_sources,
    tools: config.tools,
    guardrails: config.guardrails,
    has_unpublished_changes: agent.has_unpublished_changes,
    staging_revision: agent.staging_revision,
    live_version: agent.live_version,
    last_published_on: agent.last_published_on,
    staging_rolled_back_to: agent.staging_rolled_back_to,
    created_by: agent.created_by,
    created_on: agent.created_on,
    modified_by: agent.modified_by,
    modified_on: agent.modified_on,
  };
}

export function agentSummaryWire(agent: AgentRecord): AgentSummaryWire {
  return {
    id: agent.id,
    agent_name: agent.agent_name,
    domain: agent.domain,
    project: agent.project,
    access: agent.access,
    tags: agent.tags,
    has_unpublished_changes: agent.has_unpublished_changes,
    last_published_on: agent.last_published_on,
    live_version: agent.live_version,
    modified_by: agent.modified_by,
    modified_on: agent.modified_on,
  };
}

export function publishRecordWire(
  row: PublishRecordRow,
  liveChangeTrackId: number | null,
): PublishRecordWire {
  return {
    change_track_id: row.change_track_id,
    version: row.version,
    published_by: row.published_by,
    published_on: row.published_on,
    note: row.note,
    summary: row.summary,
    rolled_back_to: row.rolled_back_to,
    is_live: row.change_track_id === liveChangeTrackId,
  };
}

export function pagination(total: number, page: number, itemsPerPage: number) {
  return { total_records: total, current_page: page, total_pages: Math.ceil(total / itemsPerPage) };
}
