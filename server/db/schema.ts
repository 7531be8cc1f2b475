import type Database from 'better-sqlite3';
import type { AgentConfig } from '../../contract';
import { configFingerprint } from '../domain/config-fingerprint';

/** SQL, or a step that needs code (run in the same transaction). */
export type Migration = string | ((db: Database.Database) => void);

/**
 * Migrations, applied in order; `PRAGMA user_version` records how many ran. Append only: a
 * database kept across restarts must upgrade in place.
 */
export const MIGRATIONS: readonly Migration[] = [
  `
  CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE COLLATE NOCASE,
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    password TEXT NOT NULL,
    is_staff INTEGER NOT NULL DEFAULT 0,
    is_superuser INTEGER NOT NULL DEFAULT 0,
    permissions TEXT NOT NULL
  );

  CREATE TABLE tokens (
    token TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('platform', 'auth')),
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    expires_at REAL NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX tokens_expiry ON tokens(expires_at);

  CREATE TABLE teams (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
  CREATE TABLE projects (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    team_id INTEGER NOT NULL REFERENCES teams(id)
  );
  CREATE TABLE corpora (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    document_count INTEGER NOT NULL
  );
  CREATE TABLE org_tools (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    description TEXT NOT NULL
  );
  CREATE TABLE org_tool_actions (
    id INTEGER PRIMARY KEY,
    tool_id INTEGER NOT NULL REFERENCES org_tools(id),
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    default_config TEXT NOT NULL
  );
  CREATE TABLE agent_types (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
  CREATE TABLE llm_configs (id INTEGER PRIMARY KEY, model_name TEXT NOT NULL, provider TEXT NOT NULL);
  CREATE TABLE guardrail_types (
    type TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    position INTEGER NOT NULL,
    default_enabled INTEGER NOT NULL DEFAULT 0
  );

  -- Ids for items inside configurations (instructions): global, never reused, so an id seen in
  -- an old snapshot can never name a different instruction later.
  CREATE TABLE sequences (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;

  -- The list columns (name, description, access, tags) mirror staging so listing never reads
  -- the configurations, which may hold megabytes of system prompt.
  CREATE TABLE agents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    project_id INTEGER NOT NULL REFERENCES projects(id),
    agent_name TEXT NOT NULL,
    domain TEXT NOT NULL,
    access TEXT NOT NULL,
    tags TEXT NOT NULL,
    staging_fingerprint TEXT NOT NULL,
    production_fingerprint TEXT NOT NULL,
    has_unpublished_changes INTEGER GENERATED ALWAYS AS (staging_fingerprint <> production_fingerprint) VIRTUAL,
    staging_revision INTEGER NOT NULL DEFAULT 1,
    live_change_track_id INTEGER,
    live_version INTEGER,
    last_published_on TEXT,
    staging_rolled_back_to TEXT,
    created_by TEXT NOT NULL,
    created_on TEXT NOT NULL,
    modified_by TEXT NOT NULL,
    modified_on TEXT NOT NULL
  );
  CREATE INDEX agents_project ON agents(project_id);

  CREATE TABLE agent_configs (
    agent_id INTEGER PRIMARY KEY REFERENCES agents(id) ON DELETE CASCADE,
    staging TEXT NOT NULL,
    production TEXT NOT NULL
  );

  CREATE TABLE staging_field_edits (
    agent_id INTEGER NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
    path TEXT NOT NULL,
    modified_by TEXT NOT NULL,
    modified_on TEXT NOT NULL,
    PRIMARY KEY (agent_id, path)
  ) WITHOUT ROWID;

  -- Append only. change_track_id is global; version counts per agent.
  CREATE TABLE publish_records (
    change_track_id INTEGER PRIMARY KEY AUTOINCREMENT,
    agent_id INTEGER NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    published_by INTEGER NOT NULL REFERENCES users(id),
    published_on TEXT NOT NULL,
    note TEXT,
    summary TEXT NOT NULL,
    rolled_back_to INTEGER,
    snapshot_fingerprint TEXT NOT NULL
  );
  CREATE UNIQUE INDEX publish_records_agent_version ON publish_records(agent_id, version DESC);
  CREATE INDEX publish_records_agent_publisher ON publish_records(agent_id, published_by, version DESC);

  -- Apart from the records so that paging through history never touches snapshot pages.
  CREATE TABLE publish_snapshots (
    change_track_id INTEGER PRIMARY KEY REFERENCES publish_records(change_track_id) ON DELETE CASCADE,
    snapshot TEXT NOT NULL
  );
  `,
  // Fingerprints ignore the order of knowledge sources, tools, actions and guardrails (see
  // domain/config-fingerprint.ts): those stored before are computed again.
  (db) => {
    const print = (text: string) => configFingerprint(JSON.parse(text) as AgentConfig);
    const agents = db.prepare('SELECT agent_id, staging, production FROM agent_configs').all() as {
      agent_id: number;
      staging: string;
      production: string;
    }[];
    const writeAgent = db.prepare(
      'UPDATE agents SET staging_fingerprint = ?, production_fingerprint = ? WHERE id = ?',
    );
    for (const a of agents) writeAgent.run(print(a.staging), print(a.production), a.agent_id);
    const snapshots = db.prepare('SELECT change_track_id, snapshot FROM publish_snapshots').all() as {
      change_track_id: number;
      snapshot: string;
    }[];
    const writeRecord = db.prepare(
      'UPDATE publish_records SET snapshot_fingerprint = ? WHERE change_track_id = ?',
    );
    for (const r of snapshots) writeRecord.run(print(r.snapshot), r.change_track_id);
    // Staging that now equals production holds no reverted version waiting to go live.
    db.exec(
      'UPDATE agents SET staging_rolled_back_to = NULL WHERE staging_fingerprint = production_fingerprint',
    );
  },
];
