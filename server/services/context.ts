import type { AgentConfig } from '../../contract';
import type { ServerConfig } from '../config';
import type { Db } from '../db/database';
import { formatTimestamp, type Clock } from '../domain/time';
import { notFound } from '../http/api-error';
import type { AgentRecord } from '../repositories/agents';
import type { Repositories } from '../repositories';
import { DiffCache } from './diff-cache';

export interface ServiceContext {
  db: Db;
  repos: Repositories;
  config: ServerConfig;
  diffCache: DiffCache;
}

export function createContext(db: Db, repos: Repositories, config: ServerConfig): ServiceContext {
  return { db, repos, config, diffCache: new DiffCache() };
}

export const nowTimestamp = (clock: Clock) => formatTimestamp(clock());

/** Configurations are validated when they are written, so reading them back needs no parse. */
export const parseConfig = (text: string) => JSON.parse(text) as AgentConfig;

export function requireAgent(ctx: ServiceContext, agentId: number): AgentRecord {
  const agent = ctx.repos.agents.find(agentId);
  if (!agent) throw notFound(`No agent with id ${agentId}`);
  return agent;
}

export function requireConfigs(ctx: ServiceContext, agentId: number): { staging: string; production: string } {
  const configs = ctx.repos.agents.configs(agentId);
  if (!configs) throw notFound(`No agent with id ${agentId}`);
  return configs;
}
