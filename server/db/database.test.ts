import { describe, expect, it } from 'vitest';
import type { AgentConfig } from '../../contract';
import { configFingerprint } from '../domain/config-fingerprint';
import { fingerprint } from '../domain/fingerprint';
import { seedDemo } from '../seed/demo';
import { migrate, openDatabase } from './database';
import { MIGRATIONS } from './schema';

interface Row {
  id: number;
  staging: string;
  production: string;
  staging_fingerprint: string;
  production_fingerprint: string;
  has_unpublished_changes: number;
}

const rows = (db: ReturnType<typeof openDatabase>) =>
  db
    .prepare(
      `SELECT a.id, c.staging, c.production, a.staging_fingerprint, a.production_fingerprint, a.has_unpublished_changes
       FROM agents a JOIN agent_configs c ON c.agent_id = a.id ORDER BY a.id`,
    )
    .all() as Row[];

describe('migrate', () => {
  it('runs every migration on a new database, once', () => {
    const db = openDatabase(':memory:');
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    migrate(db);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
  });

  it('computes again the fingerprints a database kept from before they ignored the order of knowledge sources', () => {
    const db = openDatabase(':memory:');
    seedDemo(db);
    const agent = rows(db).find((r) => {
      const staging = JSON.parse(r.staging) as AgentConfig;
      return r.has_unpublished_changes === 0 && staging.knowledge_sources.corpora.length >= 2;
    });
    if (!agent) throw new Error('The demo seed has no published agent with two knowledge sources');
    // As an older sandbox left it: a knowledge source disconnected and connected again (now last
    // in staging), and fingerprints of the configurations as stored, order and all.
    const staging = JSON.parse(agent.staging) as AgentConfig;
    staging.knowledge_sources.corpora.push(staging.knowledge_sources.corpora.shift()!);
    db.prepare('UPDATE agent_configs SET staging = ? WHERE agent_id = ?').run(
      JSON.stringify(staging),
      agent.id,
    );
    db.prepare('UPDATE agents SET staging_fingerprint = ?, production_fingerprint = ? WHERE id = ?').run(
      fingerprint(staging),
      fingerprint(JSON.parse(agent.production)),
      agent.id,
    );
    db.prepare('UPDATE publish_records SET snapshot_fingerprint = ?').run('old');
    // And a revert marker, left from a revert that differed from production only in that order.
    db.prepare('UPDATE agents SET staging_rolled_back_to = ? WHERE id = ?').run(
      JSON.stringify({
        change_track_id: 1,
        version: 1,
        by: 'admin@example.com',
        on: '2026-11-01T00:00:00.000000Z',
      }),
      agent.id,
    );
    const pendingReverts = () =>
      db
        .prepare(
          'SELECT id FROM agents WHERE staging_rolled_back_to IS NOT NULL AND staging_fingerprint <> production_fingerprint AND id <> ?',
        )
        .all(agent.id);
    const kept = pendingReverts();
    db.pragma(`user_version = ${MIGRATIONS.length - 1}`);
    expect(rows(db).find((r) => r.id === agent.id)?.has_unpublished_changes).toBe(1);

    migrate(db);

    for (const r of rows(db)) {
      expect(r.staging_fingerprint).toBe(configFingerprint(JSON.parse(r.staging) as AgentConfig));
      expect(r.production_fingerprint).toBe(configFingerprint(JSON.parse(r.production) as AgentConfig));
    }
    expect(rows(db).find((r) => r.id === agent.id)?.has_unpublished_changes).toBe(0);
    const marker = db.prepare('SELECT staging_rolled_back_to FROM agents WHERE id = ?').get(agent.id) as {
      staging_rolled_back_to: string | null;
    };
    expect(marker.staging_rolled_back_to).toBeNull();
    // Reverts still waiting to go live keep theirs.
    expect(kept.length).toBeGreaterThan(0);
    expect(pendingReverts()).toEqual(kept);
    const records = db
      .prepare(
        'SELECT r.snapshot_fingerprint, s.snapshot FROM publish_records r JOIN publish_snapshots s USING (change_track_id)',
      )
      .all() as { snapshot_fingerprint: string; snapshot: string }[];
    expect(records.length).toBeGreaterThan(0);
    for (const r of records) {
      expect(r.snapshot_fingerprint).toBe(configFingerprint(JSON.parse(r.snapshot) as AgentConfig));
    }
  });
});
