import { describe, expect, it } from 'vitest';
import { agentConfigSchema, stagingDiffSchema } from '../../contract';
import { createApp } from '../app';
import { openDatabase, type Db } from '../db/database';
import { seedDemo } from './demo';

// Seeding speed is reported by `npm run sandbox:reset`, not asserted: like the benches, tests
// never pass or fail on wall-clock time, which shared CI machines make unreliable.
function seeded(): { db: Db } {
  const db = openDatabase(':memory:');
  seedDemo(db);
  return { db };
}

const { db } = seeded();
const app = createApp({ db });
const services = app.services;

interface AgentRow {
  id: number;
  agent_name: string;
  has_unpublished_changes: number;
  staging_rolled_back_to: string | null;
}
const agents = db
  .prepare('SELECT id, agent_name, has_unpublished_changes, staging_rolled_back_to FROM agents ORDER BY id')
  .all() as AgentRow[];

describe('demo seed', () => {
  it('is deterministic: a second seed produces identical agents and history', () => {
    const again = seeded().db;
    const dump = (d: Db) => ({
      agents: d.prepare('SELECT * FROM agents ORDER BY id').all(),
      configs: d.prepare('SELECT * FROM agent_configs ORDER BY agent_id').all(),
      publishes: d.prepare('SELECT * FROM publish_records ORDER BY change_track_id').all(),
      edits: d.prepare('SELECT * FROM staging_field_edits ORDER BY agent_id, path').all(),
    });
    expect(dump(again)).toEqual(dump(db));
  });

  it('holds twelve agents in at least three projects, each listing all six guardrail types', () => {
    expect(agents).toHaveLength(12);
    const projects = db.prepare('SELECT COUNT(DISTINCT project_id) AS n FROM agents').get() as { n: number };
    expect(projects.n).toBeGreaterThanOrEqual(3);
    for (const agent of agents) {
      const config = services.agents.detail(agent.id, 'staging');
      expect(config.guardrails.map((g) => g.type)).toHaveLength(6);
      expect(config.instructions.length, agent.agent_name).toBeGreaterThanOrEqual(2);
    }
  });

  it('stores configurations that satisfy the contract, with system prompts of real length', () => {
    const rows = db.prepare('SELECT staging, production FROM agent_configs').all() as {
      staging: string;
      production: string;
    }[];
    for (const row of rows) {
      for (const text of [row.staging, row.production]) {
        const config = agentConfigSchema.parse(JSON.parse(text));
        const words = config.agent_settings.prefix_prompt.split(/\s+/).length;
        expect(words).toBeGreaterThan(300);
        expect(words).toBeLessThan(5000);
        expect(text.toLowerCase()).not.toContain('lorem');
      }
    }
  });

  it('gives one agent over 300 publishes by several people with varied notes', () => {
    const busiest = db
      .prepare(
        `SELECT agent_id, COUNT(*) AS n, COUNT(DISTINCT published_by) AS people, COUNT(DISTINCT note) AS notes
         FROM publish_records GROUP BY agent_id ORDER BY n DESC LIMIT 1`,
      )
      .get() as { agent_id: number; n: number; people: number; notes: number };
    expect(busiest.n).toBeGreaterThanOrEqual(300);
    expect(busiest.people).toBeGreaterThanOrEqual(2);
    expect(busiest.notes).toBeGreaterThanOrEqual(10);
    const page = services.publishing.list(busiest.agent_id, { page: 1, items_per_page: 20 });
    expect(new Set(page.publish_records.map((r) => r.summary.text)).size).toBeGreaterThan(3);
    expect(page.publish_records[0]?.is_live).toBe(true);
  });

  it('leaves unpublished changes on several agents, in several sections, by different editors', () => {
    const pending = agents.filter((a) => a.has_unpublished_changes === 1);
    expect(pending.length).toBeGreaterThanOrEqual(4);
    const sections = new Set<string>();
    const editors = new Set<string>();
    for (const agent of pending) {
      const diff = stagingDiffSchema.parse(services.publishing.stagingDiff(agent.id));
      for (const section of diff.sections) {
        sections.add(section.key);
        for (const change of section.changes) if (change.modified_by) editors.add(change.modified_by);
      }
    }
    expect(sections.size).toBeGreaterThanOrEqual(4);
    expect(editors.size).toBeGreaterThanOrEqual(2);
  });

  it('shows one agent with staging rolled back to an earlier publish', () => {
    const rolled = agents.filter((a) => a.staging_rolled_back_to !== null);
    expect(rolled).toHaveLength(1);
    const agent = services.agents.detail(rolled[0]!.id, 'staging');
    expect(agent.has_unpublished_changes).toBe(true);
    expect(agent.staging_rolled_back_to?.version).toBeLessThan(agent.live_version ?? 0);
  });

  it('uses timestamps with microseconds in UTC', () => {
    const row = db.prepare('SELECT published_on FROM publish_records LIMIT 1').get() as {
      published_on: string;
    };
    expect(row.published_on).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
  });
});
