import {
  agentDetailWireSchema,
  agentListWireSchema,
  guardrailTypeListSchema,
  permissionsSchema,
  stagingDiffSchema,
  type Environment,
} from '@contract';
import { toAgentDetail, toAgentPage, toStagingDiff } from '../adapter';
import { apiGet } from '../http';
import type { AgentListFilters } from '../keys';

export async function fetchAgents(f: AgentListFilters, signal?: AbortSignal) {
  const wire = await apiGet('/api/v2/agents', agentListWireSchema, {
    signal,
    query: {
      page: f.page,
      items_per_page: f.perPage,
      q: f.q?.trim() || undefined,
      project_id: f.projectId,
      has_unpublished_changes: f.unpublishedOnly ? 'true' : undefined,
    },
  });
  return toAgentPage(wire);
}

export async function fetchAgent(id: number, env: Environment, signal?: AbortSignal) {
  const wire = await apiGet(`/api/v2/agents/${id}`, agentDetailWireSchema, {
    signal,
    query: { environment: env === 'production' ? 'production' : undefined },
  });
  return toAgentDetail(wire);
}

export async function fetchAgentPermissions(id: number, signal?: AbortSignal) {
  return (await apiGet(`/api/v2/agents/${id}/permissions/me`, permissionsSchema, { signal })).permissions;
}

export async function fetchGuardrailTypes(id: number, signal?: AbortSignal) {
  return (await apiGet(`/api/v2/agents/${id}/guardrails`, guardrailTypeListSchema, { signal }))
    .guardrail_types;
}

export async function fetchStagingDiff(id: number, signal?: AbortSignal, background = false) {
  return toStagingDiff(
    await apiGet(`/api/v2/agents/${id}/staging-diff`, stagingDiffSchema, { signal, background }),
  );
}
