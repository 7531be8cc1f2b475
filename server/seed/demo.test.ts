import { describe, expect, it } from 'vitest';
import {
  agentConfigSchema,
  publishSummarySchema,
  SECTION_KEYS,
  stagingDiffSchema,
  type SectionKey,
} from '../../contract';
import { createApp } from '../app';
import { openDatabase, type Db } from '../db/database';
import { CORPORA, GUARDRAIL_TYPES, ORG_TOOLS } from './catalogue';
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

/**
 * What a publish note can name, and where a change to it shows: the section of the publish
 * summary, and the path of the change in the diff from the version before. Written from the
 * catalogue and the editor's vocabulary, not from the seed's note phrasings, so a note that
 * names something its publish did not change is caught whatever list it came from.
 */
interface NoteTopic {
  pattern: RegExp;
  section: SectionKey;
  path: RegExp;
  /** The sections a note naming this accounts for: the named one unless it sums up more. */
  covers?: readonly SectionKey[];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const named = (name: string) => new RegExp(`\\b${escapeRegExp(name)}\\b`, 'i');

const NOTE_TOPICS: NoteTopic[] = [
  {
    pattern: /first reviewed configuration/i,
    section: 'instructions',
    path: /^instructions\//,
    covers: SECTION_KEYS,
  },
  { pattern: /system prompt|release reminder/i, section: 'agent_settings', path: /^prefix_prompt$/ },
  { pattern: /\bReAct\b/, section: 'agent_settings', path: /^react_/ },
  { pattern: /sample question/i, section: 'agent_settings', path: /^sample_q[1-3]$/ },
  { pattern: /instruction/i, section: 'instructions', path: /^instructions\// },
  { pattern: /knowledge source/i, section: 'knowledge_sources', path: /^knowledge_sources\// },
  { pattern: /guardrail/i, section: 'guardrails', path: /^guardrails\// },
  ...GUARDRAIL_TYPES.map((g) => ({
    pattern: named(g.name),
    section: 'guardrails' as const,
    path: new RegExp(`^guardrails/${g.type}$`),
  })),
  ...CORPORA.map((c) => ({
    pattern: named(c.name),
    section: 'knowledge_sources' as const,
    path: new RegExp(`^knowledge_sources/corpora/${c.id}$`),
  })),
  ...ORG_TOOLS.flatMap((t) => [
    { pattern: named(t.name), section: 'tools' as const, path: new RegExp(`^tools/${t.id}(/|$)`) },
    ...t.actions.map((a) => ({
      pattern: named(a.name),
      section: 'tools' as const,
      path: new RegExp(`^tools/${t.id}/actions/${a.id}(/|$)`),
    })),
  ]),
];

interface PublishRow {
  change_track_id: number;
  agent_id: number;
  version: number;
  note: string | null;
  summary: string;
}

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

  it('dates every publish after the one before it, and none after the seed’s last scene', () => {
    const records = db
      .prepare('SELECT agent_id, version, published_on FROM publish_records ORDER BY agent_id, version')
      .all() as { agent_id: number; version: number; published_on: string }[];
    const lastScene = Date.parse('2026-11-28T00:00:00Z');
    for (let i = 0; i < records.length; i++) {
      const record = records[i]!;
      const at = Date.parse(record.published_on);
      expect(at, `agent ${record.agent_id} v${record.version}`).toBeLessThan(lastScene);
      const before = records[i - 1];
      if (before?.agent_id === record.agent_id) {
        expect(at, `agent ${record.agent_id} v${record.version}`).toBeGreaterThan(
          Date.parse(before.published_on),
        );
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

  it('gives every publish a note that names what the publish changed, and nothing it did not', () => {
    const records = db
      .prepare(
        'SELECT change_track_id, agent_id, version, note, summary FROM publish_records ORDER BY agent_id, version',
      )
      .all() as PublishRow[];
    const problems: string[] = [];
    let checked = 0;
    records.forEach((record, index) => {
      const previous = records[index - 1];
      // Version 1 is the creation, noted "Created" by the server itself; it has no version before.
      if (record.note === null || record.version === 1 || previous?.agent_id !== record.agent_id) return;
      checked++;
      const where = `v${record.version} of agent ${record.agent_id}: “${record.note}”`;
      const changedSections = publishSummarySchema
        .parse(JSON.parse(record.summary))
        .sections.map((s) => s.key);
      const changedPaths = services.publishing
        .compare(record.agent_id, previous.change_track_id, record.change_track_id)
        .sections.flatMap((s) => s.changes.map((c) => c.path));
      const topics = NOTE_TOPICS.filter((t) => t.pattern.test(record.note ?? ''));
      if (topics.length === 0) problems.push(`${where} names no part of the configuration`);
      for (const topic of topics) {
        if (!changedSections.includes(topic.section) || !changedPaths.some((p) => topic.path.test(p)))
          problems.push(
            `${where} names ${String(topic.pattern)}, unchanged (changed: ${changedPaths.join(', ')})`,
          );
      }
      const covered = new Set(topics.flatMap((t) => t.covers ?? [t.section]));
      for (const section of changedSections)
        if (!covered.has(section)) problems.push(`${where} says nothing about the ${section} it changed`);
    });
    expect(checked).toBeGreaterThan(300);
    expect({ count: problems.length, first: problems.slice(0, 8) }).toEqual({ count: 0, first: [] });
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
