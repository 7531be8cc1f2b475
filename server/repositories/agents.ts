import type Database from 'better-sqlite3';
import type { Access, RolledBackTo } from '../../contract';
import type { Db } from '../db/database';
import { containsSql, searchParams } from '../db/search';

/** An agent's bookkeeping row, without its configurations. */
export interface AgentRecord {
  id: number;
  project: { id: number; name: string };
  agent_name: string;
  domain: string;
  access: Access;
  tags: string[];
  staging_fingerprint: string;
  production_fingerprint: string;
  has_unpublished_changes: boolean;
  staging_revision: number;
  live_change_track_id: number | null;
  live_version: number | null;
  last_published_on: string | null;
  staging_rolled_back_to: RolledBackTo | null;
  created_by: string;
  created_on: string;
  modified_by: string;
  modified_on: string;
}

interface AgentRow extends Omit<
  AgentRecord,
  'project' | 'tags' | 'has_unpublished_changes' | 'staging_rolled_back_to'
> {
  project_id: number;
  project_name: string;
  tags: string;
  has_unpublished_changes: number;
  staging_rolled_back_to: string | null;
}

function toRecord(row: AgentRow): AgentRecord {
  const { project_id, project_name, ...rest } = row;
  return {
    ...rest,
    project: { id: project_id, name: project_name },
    tags: JSON.parse(row.tags) as string[],
    has_unpublished_changes: row.has_unpublished_changes === 1,
    staging_rolled_back_to:
      row.staging_rolled_back_to === null ? null : (JSON.parse(row.staging_rolled_back_to) as RolledBackTo),
  };
}

const COLUMNS = `a.id, a.project_id, p.name AS project_name, a.agent_name, a.domain, a.access, a.tags,
  a.staging_fingerprint, a.production_fingerprint, a.has_unpublished_changes, a.staging_revision,
  a.live_change_track_id, a.live_version, a.last_published_on, a.staging_rolled_back_to,
  a.created_by, a.created_on, a.modified_by, a.modified_on`;

export interface AgentListFilter {
  project_id?: number;
  q?: string;
  has_unpublished_changes?: boolean;
}

/** The staging columns mirrored on the agent row for listing. */
export interface StagingMirror {
  agent_name: string;
  domain: string;
  access: Access;
  tags: string[];
}

export interface NewAgent extends StagingMirror {
  project_id: number;
  fingerprint: string;
  config: string;
  created_by: string;
  created_on: string;
}

export interface StagingWrite extends StagingMirror {
  id: number;
  config: string;
  fingerprint: string;
  revision: number;
  modified_by: string;
  modified_on: string;
}

export interface ProductionWrite {
  id: number;
  config: string;
  fingerprint: string;
  live_change_track_id: number;
  live_version: number;
  last_published_on: string;
}

export function createAgentRepository(db: Db) {
  const byId = db.prepare(
    `SELECT ${COLUMNS} FROM agents a JOIN projects p ON p.id = a.project_id WHERE a.id = ?`,
  );
  const head = db.prepare('SELECT staging_revision, live_change_track_id FROM agents WHERE id = ?');
  const configs = db.prepare('SELECT staging, production FROM agent_configs WHERE agent_id = ?');
  const insertAgent = db.prepare(
    `INSERT INTO agents (project_id, agent_name, domain, access, tags, staging_fingerprint, production_fingerprint,
       staging_revision, created_by, created_on, modified_by, modified_on)
     VALUES (@project_id, @agent_name, @domain, @access, @tags, @fingerprint, @fingerprint, 1,
       @created_by, @created_on, @created_by, @created_on)`,
  );
  const insertConfig = db.prepare(
    'INSERT INTO agent_configs (agent_id, staging, production) VALUES (?, ?, ?)',
  );
  const writeStagingRow = db.prepare(
    `UPDATE agents SET agent_name = @agent_name, domain = @domain, access = @access, tags = @tags,
       staging_fingerprint = @fingerprint, staging_revision = @revision, modified_by = @modified_by,
       modified_on = @modified_on WHERE id = @id`,
  );
  const writeStagingConfig = db.prepare('UPDATE agent_configs SET staging = ? WHERE agent_id = ?');
  const writeProductionRow = db.prepare(
    `UPDATE agents SET production_fingerprint = @fingerprint, live_change_track_id = @live_change_track_id,
       live_version = @live_version, last_published_on = @last_published_on, staging_rolled_back_to = NULL
     WHERE id = @id`,
  );
  const writeProductionConfig = db.prepare('UPDATE agent_configs SET production = ? WHERE agent_id = ?');
  const writeRolledBack = db.prepare('UPDATE agents SET staging_rolled_back_to = ? WHERE id = ?');
  const remove = db.prepare('DELETE FROM agents WHERE id = ?');
  const listStatements = new Map<string, { rows: Database.Statement; count: Database.Statement }>();

  function listStatement(filter: AgentListFilter) {
    const where: string[] = [];
    if (filter.project_id !== undefined) where.push('a.project_id = @project_id');
    if (filter.q !== undefined && filter.q.trim() !== '') {
      where.push(`(${containsSql('a.agent_name', 'q')} OR ${containsSql('a.domain', 'q')})`);
    }
    if (filter.has_unpublished_changes !== undefined) where.push('a.has_unpublished_changes = @unpublished');
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    let statements = listStatements.get(clause);
    if (!statements) {
      statements = {
        rows: db.prepare(
          `SELECT ${COLUMNS} FROM agents a JOIN projects p ON p.id = a.project_id ${clause}
           ORDER BY name_order(a.agent_name), a.agent_name, a.id LIMIT @limit OFFSET @offset`,
        ),
        count: db.prepare(`SELECT COUNT(*) AS n FROM agents a ${clause}`),
      };
      listStatements.set(clause, statements);
    }
    return statements;
  }

  function listParams(filter: AgentListFilter) {
    return {
      project_id: filter.project_id,
      ...(filter.q === undefined ? {} : searchParams('q', filter.q.trim())),
      unpublished:
        filter.has_unpublished_changes === undefined ? undefined : filter.has_unpublished_changes ? 1 : 0,
    };
  }

  const defined = (params: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined));

  return {
    find(id: number): AgentRecord | undefined {
      const row = byId.get(id) as AgentRow | undefined;
      return row && toRecord(row);
    },
    /** Just what keys the diff cache: cheap enough to run on every request. */
    head(id: number): { staging_revision: number; live_change_track_id: number | null } | undefined {
      return head.get(id) as { staging_revision: number; live_change_track_id: number | null } | undefined;
    },
    configs(id: number): { staging: string; production: string } | undefined {
      return configs.get(id) as { staging: string; production: string } | undefined;
    },
    list(filter: AgentListFilter, limit: number, offset: number): { rows: AgentRecord[]; total: number } {
      const statements = listStatement(filter);
      const params = defined(listParams(filter));
      const total = (statements.count.get(params) as { n: number }).n;
      const rows = (statements.rows.all({ ...params, limit, offset }) as AgentRow[]).map(toRecord);
      return { rows, total };
    },
    insert(agent: NewAgent): number {
      const id = Number(insertAgent.run({ ...agent, tags: JSON.stringify(agent.tags) }).lastInsertRowid);
      insertConfig.run(id, agent.config, agent.config);
      return id;
    },
    writeStaging(write: StagingWrite): void {
      writeStagingRow.run({
        id: write.id,
        agent_name: write.agent_name,
        domain: write.domain,
        access: write.access,
        tags: JSON.stringify(write.tags),
        fingerprint: write.fingerprint,
        revision: write.revision,
        modified_by: write.modified_by,
        modified_on: write.modified_on,
      });
      writeStagingConfig.run(write.config, write.id);
    },
    writeProduction(write: ProductionWrite): void {
      writeProductionRow.run({
        id: write.id,
        fingerprint: write.fingerprint,
        live_change_track_id: write.live_change_track_id,
        live_version: write.live_version,
        last_published_on: write.last_published_on,
      });
      writeProductionConfig.run(write.config, write.id);
    },
    setRolledBack(id: number, rolledBack: RolledBackTo | null): void {
      writeRolledBack.run(rolledBack === null ? null : JSON.stringify(rolledBack), id);
    },
    remove(id: number): boolean {
      return remove.run(id).changes > 0;
    },
  };
}
export type AgentRepository = ReturnType<typeof createAgentRepository>;
