import { queryOptions } from '@tanstack/react-query';
import {
  agentTypeListSchema,
  corpusListSchema,
  llmConfigListSchema,
  orgToolListSchema,
  projectListSchema,
} from '@contract';
import { apiGet } from '../http';
import { catalogKeys } from '../keys';

const CATALOG_STALE_MS = 5 * 60_000;

export const fetchProjects = async (signal?: AbortSignal) =>
  (await apiGet('/api/v2/projects', projectListSchema, { signal })).projects;
export const fetchCorpora = async (signal?: AbortSignal) =>
  (await apiGet('/api/v2/corpora', corpusListSchema, { signal })).corpora;
export const fetchOrgTools = async (signal?: AbortSignal) =>
  (await apiGet('/api/v2/organizations/tools', orgToolListSchema, { signal })).tools;
export const fetchAgentTypes = async (signal?: AbortSignal) =>
  (await apiGet('/api/v2/agent-types', agentTypeListSchema, { signal })).agent_types;
export const fetchLlmConfigs = async (signal?: AbortSignal) =>
  (await apiGet('/api/v2/llm-configs', llmConfigListSchema, { signal })).llm_configs;

export const catalogQueries = {
  projects: () =>
    queryOptions({
      queryKey: catalogKeys.projects(),
      queryFn: ({ signal }) => fetchProjects(signal),
      staleTime: CATALOG_STALE_MS,
    }),
  corpora: () =>
    queryOptions({
      queryKey: catalogKeys.corpora(),
      queryFn: ({ signal }) => fetchCorpora(signal),
      staleTime: CATALOG_STALE_MS,
    }),
  tools: () =>
    queryOptions({
      queryKey: catalogKeys.tools(),
      queryFn: ({ signal }) => fetchOrgTools(signal),
      staleTime: CATALOG_STALE_MS,
    }),
  agentTypes: () =>
    queryOptions({
      queryKey: catalogKeys.agentTypes(),
      queryFn: ({ signal }) => fetchAgentTypes(signal),
      staleTime: CATALOG_STALE_MS,
    }),
  llmConfigs: () =>
    queryOptions({
      queryKey: catalogKeys.llmConfigs(),
      queryFn: ({ signal }) => fetchLlmConfigs(signal),
      staleTime: CATALOG_STALE_MS,
    }),
};
