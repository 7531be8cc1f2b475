import type { Db } from '../db/database';

export interface FieldEdit {
  modified_by: string;
  modified_on: string;
}

/** Who last changed each diff path of an agent's staging since its last publish. */
export function createFieldEditRepository(db: Db) {
  const upsert = db.prepare(
    `INSERT INTO staging_field_edits (agent_id, path, modified_by, modified_on) VALUES (?, ?, ?, ?)
     ON CONFLICT (agent_id, path) DO UPDATE SET modified_by = excluded.modified_by, modified_on = excluded.modified_on`,
  );
  const all = db.prepare('SELECT path, modified_by, modified_on FROM staging_field_edits WHERE agent_id = ?');
  const clear = db.prepare('DELETE FROM staging_field_edits WHERE agent_id = ?');
  return {
    record(agentId: number, paths: string[], by: string, on: string): void {
      for (const path of paths) upsert.run(agentId, path, by, on);
    },
    forAgent(agentId: number): Map<string, FieldEdit> {
      const rows = all.all(agentId) as ({ path: string } & FieldEdit)[];
      return new Map(rows.map((r) => [r.path, { modified_by: r.modified_by, modified_on: r.modified_on }]));
    },
    clear(agentId: number): void {
      clear.run(agentId);
    },
  };
}
export type FieldEditRepository = ReturnType<typeof createFieldEditRepository>;
