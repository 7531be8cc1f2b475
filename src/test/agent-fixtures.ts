import type { AgentDetailWire, AgentSummaryWire, Project } from '@contract';
import type { AgentDetail, AgentSummary, FieldChange, Page } from '@/api/adapter';
import { toAgentDetail } from '@/api/adapter';

/** Test data in the app's own shapes (and the wire's, for stubbed responses). */
export function agentSummary(over: Partial<AgentSummary> = {}): AgentSummary {
  return {
    id: 1,
    name: 'Benefits Navigator',
    description: 'Answers benefits questions.',
    project: { id: 103, name: 'Employee Experience' },
    access: 'Public',
    tags: [],
    hasUnpublishedChanges: false,
    lastPublishedOn: '2026-11-20T10:00:00.000000Z',
    liveVersion: 3,
    modifiedBy: 'editor@example.com',
    modifiedOn: '2026-11-21T10:00:00.000000Z',
    ...over,
  };
}

/** An agent as `GET /agents` lists it, for stubbed responses. */
export function agentSummaryWire(over: Partial<AgentSummaryWire> = {}): AgentSummaryWire {
  return {
    id: 1,
    agent_name: 'Benefits Navigator',
    domain: 'Answers benefits questions.',
    project: { id: 103, name: 'Employee Experience' },
    access: 'Public',
    tags: [],
    has_unpublished_changes: false,
    last_published_on: null,
    live_version: null,
    modified_by: 'editor@example.com',
    modified_on: '2026-11-21T10:00:00.000000Z',
    ...over,
  };
}

export function agentPage(items: AgentSummary[], over: Partial<Page<AgentSummary>> = {}): Page<AgentSummary> {
  return { items, total: items.length, page: 1, totalPages: items.length ? 1 : 0, ...over };
}

export const PROJECTS: Project[] = [
  { id: 101, name: 'Care Navigation', team: { id: 1, name: 'Clinical Operations' } },
  { id: 103, name: 'Employee Experience', team: { id: 3, name: 'People & Workplace' } },
];

export function agentDetailWire(over: Partial<AgentDetailWire> = {}): AgentDetailWire {
  return {
    id: 1,
    agent_name: 'Benefits Navigator',
    domain: 'Answers benefits questions.',
    prefix_prompt: 'You are helpful.',
    sample_q1: '',
    sample_q2: '',
    sample_q3: '',
    agent_type: null,
    llm_config: null,
    reasoning_mode: 'off',
    caching_enabled: false,
    react_enabled: false,
    react_max_iteration_count: 5,
    character_voice: null,
    access: 'Public',
    tags: [],
    project: { id: 103, name: 'Employee Experience' },
    environment: 'staging',
    instructions: [],
    knowledge_sources: { corpora: [], sharepoint_folder: null },
    tools: [],
    guardrails: [],
    has_unpublished_changes: false,
    staging_revision: 4,
    live_version: 3,
    last_published_on: '2026-11-20T10:00:00.000000Z',
    staging_rolled_back_to: null,
    created_by: 'admin@example.com',
    created_on: '2026-10-01T10:00:00.000000Z',
    modified_by: 'editor@example.com',
    modified_on: '2026-11-21T10:00:00.000000Z',
    ...over,
  };
}

export function agentDetail(over: Partial<AgentDetailWire> = {}): AgentDetail {
  return toAgentDetail(agentDetailWire(over));
}

/** One change of a diff, modified from nothing to nothing unless told otherwise. */
export function fieldChange(over: Partial<FieldChange> = {}): FieldChange {
  return {
    path: 'x',
    label: 'X',
    change: 'modified',
    before: null,
    after: null,
    modifiedBy: null,
    modifiedOn: null,
    ...over,
  };
}
