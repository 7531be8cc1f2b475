import type Database from 'better-sqlite3';
import type { PublishSummary } from '../../contract';
import type { Db } from '../db/database';
import { containsSql, searchParams } from '../db/search';

export interface PublishRecordRow {
  change_track_id: number;
  agent_id: number;
  version: number;
  published_by: { id: number; email: string; name: string };
  published_on: string;
  note: string | null;
  summary: PublishSummary;
  rolled_back_to: number | null;
  snapshot_fingerprint: string;
}

interface RawRow {
  change_track_id: number;
  agent_id: number;
  version: number;
  user_id: number;
  email: string;
  first_name: string;
  last_name: string;
  published_on: string;
  note: string | null;
  summary: string;
  rolled_back_to: number | null;
  snapshot_fingerprint: string;
}

function toRow(raw: RawRow): PublishRecordRow {
  return {
    change_track_id: raw.change_track_id,
    agent_id: raw.agent_id,
    version: raw.version,
    published_by: { id: raw.user_id, email: raw.email, name: `${raw.first_name} ${raw.last_name}` },
    published_on: raw.published_on,
    note: raw.note,
    summary: JSON.parse(raw.summary) as PublishSummary,
    rolled_back_to: raw.rolled_back_to,
    snapshot_fingerprint: raw.snapshot_fingerprint,
  };
}

const COLUMNS = `r.change_track_id, r.agent_id, r.version, u.id AS user_id, u.email, u.first_name, u.last_name,
  r.published_on, r.note, r.summary, r.rolled_back_to, r.snapshot_fingerprint`;

export interface PublishListFilter {
  published_by?: string;
  q?: string;
}

export interface NewPublish {
  agent_id: number;
  version: number;
  published_by: number;
  published_on: string;
  note: string | null;
  summary: PublishSummary;
  rolled_back_to: number | null;
  snapshot_fingerprint: string;
  snapshot: string;
}

export function createPublishRepository(db: Db) {
  const insertRecord = db.prepare(
    `INSERT INTO publish_records (agent_id, version, published_by, published_on, note, summary, rolled_back_to, snapshot_fingerprint)
     VALUES (@agent_id, @version, @published_by, @published_on, @note, @summary, @rolled_back_to, @snapshot_fingerprint)`,
  );
  const insertSnapshot = db.prepare(
    'INSERT INTO publish_snapshots (change_track_id, snapshot) VALUES (?, ?)',
  );
  const maxVersion = db.prepare('SELECT MAX(version) AS v FROM publish_records WHERE agent_id = ?');
  const find = db.prepare(
    `SELECT ${COLUMNS} FROM publish_records r JOIN users u ON u.id = r.published_by
     WHERE r.change_track_id = ? AND r.agent_id = ?`,
  );
  const snapshot = db.prepare(
    `SELECT s.snapshot FROM publish_snapshots s JOIN publish_records r ON r.change_track_id = s.change_track_id
     WHERE s.change_track_id = ? AND r.agent_id = ?`,
  );
  const listStatements = new Map<
    string,
    { rows: Database.Statement; count: Database.Statement; filtered: boolean }
  >();

  function listStatement(filter: PublishListFilter) {
    const where = ['r.agent_id = @agent_id'];
    // A publisher is found by any part of their e-mail or name, in any case and any script
    // ("reviewer", "Rae", "TOMÁS"). The users are few: the subquery runs once, before the index seek.
    if (filter.published_by !== undefined)
      where.push(
        `r.published_by IN (SELECT id FROM users WHERE ${containsSql('email', 'published_by')}
           OR ${containsSql("(first_name || ' ' || last_name)", 'published_by')})`,
      );
    if (filter.q !== undefined) where.push(containsSql('r.note', 'q'));
    const clause = `WHERE ${where.join(' AND ')}`;
    let statements = listStatements.get(clause);
    if (!statements) {
      // Unfiltered, versions run 1, 2, 3… per agent without gaps (each publish takes MAX + 1 in
      // its transaction; records are never deleted on their own), so the total is MAX(version)
      // and a page starts at version total − offset: two index seeks, however deep the page.
      // Filtered, the subquery skips OFFSET rows on the covering (agent_id, …, version) index
      // alone and only the page's rows are read and joined.
      const filtered = where.length > 1;
      statements = {
        rows: db.prepare(
          filtered
            ? `SELECT ${COLUMNS} FROM publish_records r JOIN users u ON u.id = r.published_by
               WHERE r.change_track_id IN (
                 SELECT r.change_track_id FROM publish_records r ${clause}
                 ORDER BY r.version DESC LIMIT @limit OFFSET @offset
               )
               ORDER BY r.version DESC`
            : `SELECT ${COLUMNS} FROM publish_records r JOIN users u ON u.id = r.published_by
               WHERE r.agent_id = @agent_id AND r.version <= @top
               ORDER BY r.version DESC LIMIT @limit`,
        ),
        count: db.prepare(
          filtered
            ? `SELECT COUNT(*) AS n FROM publish_records r ${clause}`
            : 'SELECT COALESCE(MAX(r.version), 0) AS n FROM publish_records r WHERE r.agent_id = @agent_id',
        ),
        filtered,
      };
      listStatements.set(clause, statements);
    }
    return statements;
  }

  return {
    insert(record: NewPublish): number {
      const { snapshot: snapshotText, ...rest } = record;
      const id = Number(
        insertRecord.run({ ...rest, summary: JSON.stringify(record.summary) }).lastInsertRowid,
      );
      insertSnapshot.run(id, snapshotText);
      return id;
    },
    maxVersion(agentId: number): number {
      return (maxVersion.get(agentId) as { v: number | null }).v ?? 0;
    },
    find(agentId: number, changeTrackId: number): PublishRecordRow | undefined {
      const raw = find.get(changeTrackId, agentId) as RawRow | undefined;
      return raw && toRow(raw);
    },
    snapshot(agentId: number, changeTrackId: number): string | undefined {
      return (snapshot.get(changeTrackId, agentId) as { snapshot: string } | undefined)?.snapshot;
    },
    list(
      agentId: number,
      filter: PublishListFilter,
      limit: number,
      offset: number,
    ): { rows: PublishRecordRow[]; total: number } {
      // A blank search is no search: every record, those without a note too.
      filter = {
        ...filter,
        published_by: filter.published_by?.trim() || undefined,
        q: filter.q?.trim() || undefined,
      };
      const statements = listStatement(filter);
      const params: Record<string, unknown> = { agent_id: agentId };
      if (filter.published_by !== undefined)
        Object.assign(params, searchParams('published_by', filter.published_by));
      if (filter.q !== undefined) Object.assign(params, searchParams('q', filter.q));
      const total = (statements.count.get(params) as { n: number }).n;
      const page = statements.filtered ? { limit, offset } : { limit, top: total - offset };
      const rows = (statements.rows.all({ ...params, ...page }) as RawRow[]).map(toRow);
      return { rows, total };
    },
  };
}
export type PublishRepository = ReturnType<typeof createPublishRepository>;
