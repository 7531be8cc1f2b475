import type { QueryKey } from '@tanstack/react-query';
import type { Environment } from '@contract';

export interface AgentListFilters {
  page: number;
  perPage: number;
  q?: string;
  projectId?: number;
  unpublishedOnly?: boolean;
}

export interface PublishListFilters {
  perPage: number;
  publishedBy?: string;
  q?: string;
}

export type CompareRefKey = 'production' | 'staging' | number;

/**
 * Every query key comes from here. Everything about one agent sits under `agentKeys.agent(id)`,
 * so a publish or rollback refreshes it all with one invalidation.
 */
export const agentKeys = {
  all: ['agents'] as const,
  lists: () => [...agentKeys.all, 'list'] as const,
  list: (f: AgentListFilters) => [...agentKeys.lists(), f] as const,
  /** The agents of a project going by one name (under the lists: what changes a list changes it). */
  sameName: (projectId: number, name: string) =>
    [...agentKeys.lists(), 'same-name', projectId, name] as const,
  agent: (id: number) => [...agentKeys.all, 'by-id', id] as const,
  detail: (id: number, env: Environment = 'staging') => [...agentKeys.agent(id), 'detail', env] as const,
  permissions: (id: number) => [...agentKeys.agent(id), 'permissions'] as const,
  guardrailTypes: (id: number) => [...agentKeys.agent(id), 'guardrail-types'] as const,
  stagingDiff: (id: number) => [...agentKeys.agent(id), 'staging-diff'] as const,
  publishes: (id: number) => [...agentKeys.agent(id), 'publishes'] as const,
  /** Every timeline of the agent, whatever its filters. */
  publishLists: (id: number) => [...agentKeys.publishes(id), 'list'] as const,
  publishList: (id: number, f: PublishListFilters) => [...agentKeys.publishLists(id), f] as const,
  publish: (id: number, changeTrackId: number) =>
    [...agentKeys.publishes(id), 'record', changeTrackId] as const,
  /** The newest record, unfiltered: the latest version number and the count. */
  publishHead: (id: number) => [...agentKeys.publishes(id), 'head'] as const,
  /** A record found by its version number (links carry versions, the API wants change_track_ids). */
  publishByVersion: (id: number, version: number) =>
    [...agentKeys.publishes(id), 'by-version', version] as const,
  /** A record found by its change_track_id, without its snapshot (as rollback markers name them). */
  publishByChangeTrackId: (id: number, changeTrackId: number) =>
    [...agentKeys.publishes(id), 'by-change-track-id', changeTrackId] as const,
  /** Unfiltered pages of 100 that the two look-ups above share. */
  publishLookupPage: (id: number, page: number) => [...agentKeys.publishes(id), 'lookup-page', page] as const,
  revertPreview: (id: number, changeTrackId: number) =>
    [...agentKeys.publishes(id), 'revert-preview', changeTrackId] as const,
  compare: (id: number, from: CompareRefKey, to: CompareRefKey) =>
    [...agentKeys.agent(id), 'compare', from, to] as const,
};

/** Whether `key` is some agent's permissions (`agentKeys.permissions`). */
export function isPermissionsKey(key: QueryKey): boolean {
  const id = key[2];
  if (typeof id !== 'number') return false;
  const permissions = agentKeys.permissions(id);
  return key.length === permissions.length && permissions.every((part, i) => part === key[i]);
}

export const catalogKeys = {
  all: ['catalog'] as const,
  projects: () => [...catalogKeys.all, 'projects'] as const,
  corpora: () => [...catalogKeys.all, 'corpora'] as const,
  tools: () => [...catalogKeys.all, 'tools'] as const,
  agentTypes: () => [...catalogKeys.all, 'agent-types'] as const,
  llmConfigs: () => [...catalogKeys.all, 'llm-configs'] as const,
};

export const authKeys = {
  me: ['auth', 'me'] as const,
  /** What `/healthz` says about the server (is it the sandbox?). */
  health: ['auth', 'health'] as const,
};
