import type { AgentConfig } from '../../contract';
import type { ServerConfig } from '../config';
import type { Db } from '../db/database';
import { formatTimestamp, type Clock } from '../domain/time';
import { notFound } from '../http/api-error';
import type { AgentRecord } from '../repositories/agents';
import type { Repositories } from '../repositories';
import { MemoCache } from './memo-cache';

export interface ServiceContext {
  db: Db;
  repos: Repositories;
  config: ServerConfig;
  /** Diffs, keyed by what they were computed from. */
  diffCache: MemoCache;
  /**
   * Parsed configurations, keyed by agent and staging revision or live publish. Shared and so
   * read-only: edits change a fresh parse, never a cached object.
   */
  configCache: MemoCache;
}

export function createContext(db: Db, repos: Repositories, config: ServerConfig): ServiceContext {
  return { db, repos, config, diffCache: new MemoCache(), configCache: new MemoCache(64) };
}

export const nowTimestamp = (clock: Clock) => formatTimestamp(clock());

/** Configurations are validated when they are written, so reading them back needs no parse. */
export const parseConfig = (text: string) => JSON.parse(text) as AgentConfig;

export function requireAgent(ctx: ServiceContext, agentId: number): AgentRecord {
  const agent = ctx.repos.agents.find(agentId);
  if (!agent) throw notFound(`No agent with id ${agentId}`);
  return agent;
}

export function requireConfigs(
  ctx: ServiceContext,
  agentId: number,
): { staging: string; production: string } {
  const configs = ctx.repos.agents.configs(agentId);
  if (!configs) throw notFound(`No agent with id ${agentId}`);
  return configs;
}

const stagingKey = (agentId: number, revision: number) => `${agentId}:s${revision}`;
const productionKey = (agentId: number, liveChangeTrackId: number | null) =>
  `${agentId}:p${liveChangeTrackId}`;

/** The agent's staging configuration as of its current revision. Do not mutate. */
export function stagingConfig(ctx: ServiceContext, agent: AgentRecord): AgentConfig {
  return ctx.configCache.get(stagingKey(agent.id, agent.staging_revision), () =>
    parseConfig(requireConfigs(ctx, agent.id).staging),
  );
}

/** The agent's production configuration as of its live publish. Do not mutate. */
export function productionConfig(ctx: ServiceContext, agent: AgentRecord): AgentConfig {
  return ctx.configCache.get(productionKey(agent.id, agent.live_change_track_id), () =>
    parseConfig(requireConfigs(ctx, agent.id).production),
  );
}

/** Records a configuration just written, so the next read needs no parse. */
export function rememberStaging(
  ctx: ServiceContext,
  agentId: number,
  revision: number,
  config: AgentConfig,
): void {
  ctx.configCache.set(stagingKey(agentId, revision), config);
}

export function rememberProduction(
  ctx: ServiceContext,
  agentId: number,
  liveChangeTrackId: number,
  config: AgentConfig,
): void {
  ctx.configCache.set(productionKey(agentId, liveChangeTrackId), config);
}
