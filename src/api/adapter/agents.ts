import type {
  AgentConfig,
  AgentDetailWire,
  AgentListWire,
  AgentSummaryWire,
  Environment,
  Ref,
  Access,
} from '@contract';
import { type Page, toPage } from './page';

/** The app's own view of an agent in the list. */
export interface AgentSummary {
  id: number;
  name: string;
  description: string;
  project: Ref;
  access: Access;
  tags: string[];
  hasUnpublishedChanges: boolean;
  lastPublishedOn: string | null;
  liveVersion: number | null;
  modifiedBy: string;
  modifiedOn: string;
}

export interface RolledBackTo {
  changeTrackId: number;
  version: number;
  by: string;
  on: string;
}

/** One environment of one agent: its configuration plus the staging bookkeeping. */
export interface AgentDetail {
  id: number;
  project: Ref;
  environment: Environment;
  config: AgentConfig;
  hasUnpublishedChanges: boolean;
  stagingRevision: number;
  liveVersion: number | null;
  lastPublishedOn: string | null;
  rolledBackTo: RolledBackTo | null;
  createdBy: string;
  createdOn: string;
  modifiedBy: string;
  modifiedOn: string;
}

export function toAgentSummary(w: AgentSummaryWire): AgentSummary {
  return {
    id: w.id,
    name: w.agent_name,
    description: w.domain,
    project: w.project,
    access: w.access,
    tags: w.tags,
    hasUnpublishedChanges: w.has_unpublished_changes,
    lastPublishedOn: w.last_published_on,
    liveVersion: w.live_version,
    modifiedBy: w.modified_by,
    modifiedOn: w.modified_on,
  };
}

export function toAgentPage(w: AgentListWire): Page<AgentSummary> {
  return toPage(w, w.agents.map(toAgentSummary));
}

export function toAgentDetail(w: AgentDetailWire): AgentDetail {
  const config: AgentConfig = {
    agent_settings: {
      agent_name: w.agent_name,
      domain: w.domain,
      prefix_prompt: w.prefix_prompt,
      sample_q1: w.sample_q1,
      sample_q2: w.sample_q2,
      sample_q3: w.sample_q3,
      agent_type: w.agent_type,
      llm_config: w.llm_config,
      reasoning_mode: w.reasoning_mode,
      caching_enabled: w.caching_enabled,
      react_enabled: w.react_enabled,
      react_max_iteration_count: w.react_max_iteration_count,
      character_voice: w.character_voice,
      access: w.access,
      tags: w.tags,
    },
    instructions: w.instructions,
    knowledge_sources: w.knowledge_sources,
    tools: w.tools,
    guardrails: w.guardrails,
  };
  return {
    id: w.id,
    project: w.project,
    environment: w.environment,
    config,
    hasUnpublishedChanges: w.has_unpublished_changes,
    stagingRevision: w.staging_revision,
    liveVersion: w.live_version,
    lastPublishedOn: w.last_published_on,
    rolledBackTo: w.staging_rolled_back_to
      ? {
          changeTrackId: w.staging_rolled_back_to.change_track_id,
          version: w.staging_rolled_back_to.version,
          by: w.staging_rolled_back_to.by,
          on: w.staging_rolled_back_to.on,
        }
      : null,
    createdBy: w.created_by,
    createdOn: w.created_on,
    modifiedBy: w.modified_by,
    modifiedOn: w.modified_on,
  };
}
