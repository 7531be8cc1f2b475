import type { AgentDetailWire } from '../../contract';
import { defaultConfig } from '../config';
import type { Db } from '../db/database';
import type { UserRecord } from '../repositories/users';
import { createServices, type Services } from '../services';
import { seedCatalogue } from './catalogue';
import { DEMO_AGENTS, type DemoAgentSpec } from './demo-agents';
import { pick, SMALL_CHANGES, toggleGuardrail, type ChangeContext, type NotePhrasings } from './demo-changes';
import { buildPrompt } from './prompt-library';

/** mulberry32: a tiny seeded PRNG, so every seed run builds the same data. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOUR = 3_600_000;
/** Where the agents' histories end; the seed's later stories (from 18 November) follow it. */
const HISTORY_ENDS = Date.parse('2026-11-17T00:00:00Z');

/** A clock the seed moves by hand, so histories spread over months with fixed timestamps. */
class SeedClock {
  private current = 0;
  readonly now = () => this.current;
  at(iso: string) {
    this.current = Date.parse(iso) + 0.137;
  }
  advance(hours: number) {
    this.current += hours * HOUR + 0.211;
  }
}

interface Seeding {
  services: Services;
  clock: SeedClock;
  rand: () => number;
  users: Record<'admin' | 'reviewer' | 'editor' | 'editor2', UserRecord>;
}

function stagingOf(s: Seeding, agentId: number): AgentDetailWire {
  return s.services.agents.detail(agentId, 'staging');
}

/** The reviewed first configuration of an agent, edited in the way the console does it. */
function configure(s: Seeding, agentId: number, spec: DemoAgentSpec, editor: UserRecord) {
  const { edits } = s.services;
  for (const text of spec.instructions) {
    edits.addInstruction(agentId, editor, undefined, text);
    s.clock.advance(0.05);
  }
  if (spec.corpora.length > 0) edits.connectCorpora(agentId, editor, undefined, spec.corpora);
  for (const tool of spec.tools) {
    edits.enableTool(agentId, editor, undefined, tool.id);
    for (const actionId of tool.disabledActions ?? [])
      edits.setActionEnabled(agentId, editor, undefined, tool.id, actionId, false);
    for (const [actionId, config] of Object.entries(tool.config ?? {})) {
      edits.setActionConfig(agentId, editor, undefined, tool.id, Number(actionId), config);
    }
  }
  for (const guardrail of stagingOf(s, agentId).guardrails) {
    const wanted = spec.guardrails.includes(guardrail.type);
    if (guardrail.enabled !== wanted)
      edits.toggleGuardrail(agentId, editor, undefined, guardrail.type, wanted);
  }
  if (spec.sharepoint) edits.connectSharepoint(agentId, editor, undefined, { folder_url: spec.sharepoint });
  if (spec.access !== 'Only me') edits.setAccess(agentId, editor, undefined, spec.access);
  if (spec.tags.length > 0) edits.annotate(agentId, editor, undefined, spec.tags, []);
}

/**
 * One small, realistic change to staging, different from the last: the history generator's
 * step. Falls back to a guardrail toggle when the chosen change happens to change nothing, so
 * the notes it returns are always those of the change that was made.
 */
function smallChange(s: Seeding, agentId: number, step: number, editor: UserRecord): NotePhrasings {
  const agent = stagingOf(s, agentId);
  const context: ChangeContext = { edits: s.services.edits, rand: s.rand, agent, step, editor };
  const notes = SMALL_CHANGES[step % SMALL_CHANGES.length]?.(context) ?? null;
  if (notes && stagingOf(s, agentId).staging_revision !== agent.staging_revision) return notes;
  const guardrail = agent.guardrails.find((g) => g.type === 'hallucination_check') ?? agent.guardrails[0];
  if (!guardrail) throw new Error(`Seed agent ${agent.agent_name} has no guardrail to toggle`);
  return toggleGuardrail(context, guardrail);
}

function buildAgent(s: Seeding, spec: DemoAgentSpec, index: number): number {
  const { services, clock, users } = s;
  const creator = Object.values(users).find((u) => u.email === spec.createdBy) ?? users.admin;
  const publisher = index % 2 === 0 ? users.reviewer : users.admin;
  clock.at(spec.createdOn);
  const agent = services.agents.create(
    {
      agent_name: spec.name,
      project_id: spec.project_id,
      domain: spec.domain,
      prefix_prompt: buildPrompt(spec.intro, spec.sections),
      sample_q1: spec.samples[0],
      sample_q2: spec.samples[1],
      sample_q3: spec.samples[2],
      agent_type: { id: spec.agent_type_id, name: '' },
      llm_config: { id: spec.llm_config_id, model_name: '' },
      reasoning_mode: spec.reasoning_mode,
      react_enabled: spec.react,
      react_max_iteration_count: spec.react ? 6 : 5,
      character_voice: spec.voice,
    },
    creator,
  );
  clock.advance(2 + s.rand() * 20);
  configure(s, agent.id, spec, creator);
  clock.advance(3 + s.rand() * 40);
  services.publishing.publish(agent.id, publisher, { note: `First reviewed configuration of ${spec.name}` });

  const editors = [users.editor, users.editor2, users.admin];
  const publishers = [users.reviewer, users.admin];
  // Spread the history between the first publish and mid-November 2026, at uneven gaps. Each gap
  // is held to its share of the time left, so no publish lands after HISTORY_ENDS: the stories
  // told after it (a release on 18 November, the pending edits) come later.
  const span = HISTORY_ENDS - clock.now();
  const gapHours = spec.history > 0 ? span / spec.history / HOUR : 0;
  for (let step = 0; step < spec.history; step++) {
    const share = (HISTORY_ENDS - clock.now()) / HOUR / (spec.history - step);
    clock.advance(Math.min(gapHours * (0.6 + s.rand() * 0.5), share * 0.9));
    const editor = editors[(step + index) % editors.length] ?? users.editor;
    const notes = smallChange(s, agent.id, step + index, editor);
    clock.advance(Math.min(gapHours, share) * 0.05);
    // Now and then a reviewer publishes without a note.
    const note = s.rand() < 1 / 30 ? null : pick(s.rand, notes);
    services.publishing.publish(agent.id, publishers[Math.floor(s.rand() * 2)] ?? users.reviewer, { note });
  }
  return agent.id;
}

/** Unpublished work in progress on a few agents, by different editors and in several sections. */
function pendingEdits(s: Seeding, ids: Map<string, number>) {
  const { edits } = s.services;
  const { editor, editor2, admin } = s.users;
  const id = (name: string) => {
    const found = ids.get(name);
    if (found === undefined) throw new Error(`Seed agent ${name} is missing`);
    return found;
  };
  s.clock.at('2026-11-24T09:12:00Z');

  const benefits = id('Benefits Navigator');
  const benefitsPrompt = stagingOf(s, benefits).prefix_prompt.replace(
    'Use plain English at about an eighth-grade reading level',
    'Use plain English at about a sixth-grade reading level',
  );
  edits.updateSettings(benefits, editor, undefined, {
    prefix_prompt: benefitsPrompt,
    sample_q3: 'How do I add a newborn to my plan?',
  });
  s.clock.advance(1.5);
  edits.addInstruction(
    benefits,
    editor,
    undefined,
    'For newborns and adoptions, the deadline is 60 days, not 30.',
  );
  s.clock.advance(3);
  edits.toggleGuardrail(benefits, editor2, undefined, 'toxicity', true);
  edits.connectCorpora(benefits, editor2, undefined, [1222]);

  s.clock.at('2026-11-25T14:03:00Z');
  const members = id('Member Services Assistant');
  edits.setActionConfig(members, editor2, undefined, 9, 22, {
    queue: 'Member Services Tier 1',
    priority: 'High',
    sla_hours: 24,
  });
  s.clock.advance(0.7);
  const memberInstructions = stagingOf(s, members).instructions;
  edits.replaceInstructions(members, editor, undefined, [...memberInstructions].reverse());
  edits.updateSettings(members, editor, undefined, { llm_config: { id: 3, model_name: 'claude-sonnet-4' } });

  s.clock.at('2026-11-26T10:45:00Z');
  const auth = id('Prior Authorization Helper');
  edits.connectCorpus(auth, editor2, undefined, 1214);
  edits.setActionEnabled(auth, editor2, undefined, 7, 15, false);

  s.clock.at('2026-11-26T16:20:00Z');
  const care = id('Care Finder');
  edits.setActionConfig(care, editor, undefined, 7, 14, {
    days_ahead: 21,
    departments: ['Primary Care', 'Pediatrics', 'Dermatology'],
    max_slots: 3,
  });
  edits.addInstruction(
    care,
    editor,
    undefined,
    'Mention telehealth when no in-person slot is free within a week.',
  );

  s.clock.at('2026-11-27T08:05:00Z');
  const pharmacy = id('Pharmacy Formulary Assistant');
  edits.updateSettings(pharmacy, editor2, undefined, {
    llm_config: { id: 3, model_name: 'claude-sonnet-4' },
    reasoning_mode: 'medium',
  });
  edits.toggleGuardrail(pharmacy, admin, undefined, 'hallucination_check', true);

  s.clock.at('2026-11-27T11:30:00Z');
  const onboarding = id('New Hire Onboarding Guide');
  edits.updateSettings(onboarding, editor, undefined, {
    sample_q2: 'Which training is due in my first 30 days?',
  });
  edits.updateSharepoint(onboarding, editor, undefined, {
    folder_url: 'https://northwindhealth.sharepoint.com/sites/people/Shared%20Documents/Onboarding',
    include_subfolders: false,
  });

  s.clock.at('2026-11-27T15:50:00Z');
  const billing = id('Billing Code Lookup');
  const billingInstructions = stagingOf(s, billing).instructions;
  const [first, second, ...rest] = billingInstructions;
  const last = rest.at(-1);
  if (first && second && last) {
    edits.deleteInstruction(billing, editor, undefined, last.id);
    edits.replaceInstructions(billing, editor, undefined, [second, first, ...rest.slice(0, -1)]);
  }
}

/** The IT agent went live with a change that was then rolled back in staging, not yet published. */
function rollbackStory(s: Seeding, ids: Map<string, number>) {
  const agentId = ids.get('IT Helpdesk Triage');
  if (agentId === undefined) return;
  const { services, users, clock } = s;
  const firstReviewed = services.publishing
    .list(agentId, { page: 1, items_per_page: 100 })
    .publish_records.at(-2);
  clock.at('2026-11-18T10:00:00Z');
  services.edits.enableTool(agentId, users.editor2, undefined, 10);
  services.edits.addInstruction(
    agentId,
    users.editor2,
    undefined,
    'Check the vendor status pages before opening an incident for an outage.',
  );
  clock.advance(2);
  services.publishing.publish(agentId, users.admin, {
    note: 'Web search for vendor status pages, and an instruction to check them before opening an outage incident',
  });
  clock.at('2026-11-23T17:40:00Z');
  if (firstReviewed)
    services.publishing.rollback(agentId, users.admin, firstReviewed.change_track_id, undefined);
}

/** The demo organisation, users and twelve agents with histories; deterministic. */
export function seedDemo(db: Db): void {
  seedCatalogue(db);
  const clock = new SeedClock();
  const services = createServices(db, { ...defaultConfig, clock: clock.now });
  const user = (email: string) => {
    const found = services.repos.users.findByEmail(email);
    if (!found) throw new Error(`Seed user ${email} is missing`);
    return found;
  };
  const seeding: Seeding = {
    services,
    clock,
    rand: random(20261128),
    users: {
      admin: user('admin@example.com'),
      reviewer: user('reviewer@example.com'),
      editor: user('editor@example.com'),
      editor2: user('editor2@example.com'),
    },
  };
  db.transaction(() => {
    const ids = new Map<string, number>();
    DEMO_AGENTS.forEach((spec, index) => ids.set(spec.name, buildAgent(seeding, spec, index)));
    rollbackStory(seeding, ids);
    pendingEdits(seeding, ids);
  })();
}
