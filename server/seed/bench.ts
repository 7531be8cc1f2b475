import type { AgentConfig, AgentDetailWire, PublishSummary } from '../../contract';
import { defaultConfig } from '../config';
import type { Db } from '../db/database';
import { diffConfigs, summarise } from '../domain/diff';
import { configFingerprint } from '../domain/config-fingerprint';
import { formatTimestamp } from '../domain/time';
import type { UserRecord } from '../repositories/users';
import { createServices, type Services } from '../services';
import { seedCatalogue } from './catalogue';
import { INSTRUCTION_TWEAKS, PUBLISH_NOTES } from './prompt-library';

/**
 * The benchmark's data, apart from the demo seed: agents whose system prompts are 2,000, 20,000
 * and 100,000 lines long with about 3% of the lines changed in staging, an agent with 10,000
 * publishes, and an agent with a 200,000-character prompt to type into. Deterministic: the
 * same seed run builds the same text, byte for byte, so runs on different days compare.
 */

export const BENCH_PROMPT_LINES = [2_000, 20_000, 100_000] as const;
export const BENCH_CHANGED_FRACTION = 0.03;
export const BENCH_HISTORY_PUBLISHES = 10_000;
export const BENCH_TYPING_CHARS = 200_000;

export interface BenchPromptAgent {
  lines: number;
  agentId: number;
  /** Lines of production modified or removed plus lines added in staging. */
  changedLines: number;
  productionChars: number;
  stagingChars: number;
}

export interface BenchManifest {
  prompts: BenchPromptAgent[];
  history: { agentId: number; publishes: number };
  typing: { agentId: number; chars: number };
}

/** mulberry32: a tiny seeded PRNG. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(rand: Rand, items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
const int = (rand: Rand, min: number, max: number) => min + Math.floor(rand() * (max - min + 1));

// Vocabulary of a health plan's member-services prompt: reference tables, rules and FAQs, the
// parts that make real system prompts run to tens of thousands of lines.
const TOPICS = [
  'Outpatient imaging',
  'Specialty pharmacy',
  'Behavioral health',
  'Durable medical equipment',
  'Maternity and newborn care',
  'Physical therapy',
  'Telehealth visits',
  'Emergency and urgent care',
  'Dental preventive care',
  'Vision hardware',
  'Home health',
  'Skilled nursing',
  'Chronic condition programs',
  'Laboratory services',
  'Ambulance transport',
  'Out-of-network claims',
];
const REGIONS = ['Northern region', 'Coastal region', 'Metro region', 'Valley region', 'all regions'];
const PLANS = ['Bronze HMO', 'Silver HMO', 'Silver PPO', 'Gold PPO', 'Platinum PPO', 'Medicare Advantage'];
const SUBJECTS = [
  'the member',
  'a dependant under 26',
  'a caregiver with authorisation',
  'a new enrollee',
  'a member on COBRA',
  'a retiree',
];
const VERBS = [
  'asks about',
  'disputes',
  'needs a referral for',
  'wants a cost estimate for',
  'reports a denial of',
  'requests coverage details on',
];
const SERVICES = [
  'an MRI of the knee',
  'a CT scan with contrast',
  'a continuous glucose monitor',
  'insulin pump supplies',
  'twelve sessions of physical therapy',
  'a sleep study',
  'a breast pump',
  'an allergy panel',
  'a colonoscopy',
  'orthodontic treatment',
  'progressive lenses',
  'a home oxygen concentrator',
];
const ACTIONS = [
  'confirm the plan tier before quoting any amount',
  'give the copay exactly as the benefits guide states it',
  'explain that prior authorization is required and who requests it',
  'quote the deductible and say whether it has been met this plan year',
  'offer to open a service case for the Tier 1 team',
  'name the in-network providers nearest to the member',
  'explain the appeal deadline in calendar days',
  'point to the cost estimator on the member portal',
  'state the visit limit and how many visits remain',
  'say that the service is excluded and name the exclusion',
];
const DRUGS = [
  'Adalimumab',
  'Etanercept',
  'Insulin glargine',
  'Semaglutide',
  'Apixaban',
  'Rivaroxaban',
  'Atorvastatin',
  'Levothyroxine',
  'Metformin ER',
  'Dupilumab',
  'Ustekinumab',
  'Empagliflozin',
  'Sumatriptan',
  'Fluticasone',
  'Montelukast',
];
const FORMS = ['tablet', 'capsule', 'pen injector', 'vial', 'inhaler', 'patch', 'oral solution'];
const TIERS = ['Tier 1', 'Tier 2', 'Tier 3', 'Tier 4', 'Specialty'];
const CONDITIONS = [
  'PA required',
  'Step therapy: generic first',
  'Quantity limit 30 per 30 days',
  'No restrictions',
  'Specialty pharmacy only',
  'Age limit 18+',
];
const QUESTIONS = [
  'How do I get a replacement ID card?',
  'Why was my claim partly paid?',
  'Is my therapist in network?',
  'Can I see a specialist without a referral?',
  'What does coinsurance mean on my statement?',
  'How long does prior authorization take?',
  'Can I fill a 90-day supply by mail?',
  'What is covered for a newborn in the first month?',
  'Where do I send an appeal?',
  'Does my plan cover acupuncture?',
];

function ruleLine(rand: Rand, section: number, rule: number): string {
  return `- Rule ${section}.${rule}: when ${pick(rand, SUBJECTS)} ${pick(rand, VERBS)} ${pick(rand, SERVICES)}, ${pick(rand, ACTIONS)}.`;
}

function tableLine(rand: Rand): string {
  const code = `${pick(rand, ['J', 'Q', 'A', 'E', 'K'])}${int(rand, 1000, 9999)}`;
  return `| ${code} | ${pick(rand, DRUGS)} ${int(rand, 1, 80) * 5} mg ${pick(rand, FORMS)} | ${pick(rand, TIERS)} | ${pick(rand, CONDITIONS)} | $${int(rand, 0, 150)} |`;
}

function costLine(rand: Rand): string {
  return `${pick(rand, PLANS)}: copay $${int(rand, 0, 90)}, coinsurance ${int(rand, 0, 8) * 5}% after a $${int(rand, 2, 60) * 50} deductible.`;
}

/** A block of lines: a section heading, then rules, a table, costs or questions and answers. */
function block(rand: Rand, section: number, out: string[]): void {
  out.push(`## ${section}. ${pick(rand, TOPICS)} (${pick(rand, REGIONS)})`, '');
  const kind = section % 4;
  const length = int(rand, 8, 40);
  if (kind === 0) {
    for (let rule = 1; rule <= length; rule++) out.push(ruleLine(rand, section, rule));
  } else if (kind === 1) {
    out.push('| Code | Drug and strength | Tier | Conditions | Copay |', '| --- | --- | --- | --- | --- |');
    for (let row = 0; row < length; row++) out.push(tableLine(rand));
  } else if (kind === 2) {
    for (let row = 0; row < length; row++) out.push(costLine(rand));
  } else {
    for (let row = 0; row < length; row += 3) {
      out.push(
        `Q: ${pick(rand, QUESTIONS)}`,
        `A: ${pick(rand, ACTIONS).replace(/^./, (c) => c.toUpperCase())}, then ${pick(rand, ACTIONS)}.`,
        '',
      );
    }
  }
  out.push('');
}

const PROMPT_INTRO = [
  '# Northwind Health member services: reference prompt',
  '',
  'You are the Member Services Assistant for Northwind Health Plan members. Answer from the',
  'rules and reference tables below; when they do not cover a question, say so and offer a case.',
  '',
];

/** A system prompt of exactly `lines` lines. */
export function benchPrompt(lines: number, seed: number): string {
  const rand = random(seed);
  const out = [...PROMPT_INTRO];
  for (let section = 1; out.length < lines; section++) block(rand, section, out);
  return out.slice(0, lines).join('\n');
}

/** A line as an editor would reword it: a figure changed, a phrase replaced, a clause added. */
function reword(rand: Rand, line: string): string {
  if (line === '') return `Note: ${pick(rand, ACTIONS)}.`;
  const edit = int(rand, 0, 2);
  if (edit === 0 && /\d/.test(line)) return line.replace(/\d+/, (n) => String(Number(n) + int(rand, 1, 9)));
  if (edit === 1) {
    for (const list of [ACTIONS, SERVICES, TIERS, CONDITIONS, PLANS]) {
      const found = list.find((item) => line.includes(item));
      if (found !== undefined)
        return line.replace(
          found,
          pick(
            rand,
            list.filter((item) => item !== found),
          ),
        );
    }
  }
  return `${line.replace(/[.|]\s*$/, '')} (reviewed: ${pick(rand, ACTIONS)}).`;
}

/**
 * Staging's version of a prompt: hunks of one to four lines spread through the text, each
 * modified (most), added or removed, until `fraction` of the lines changed. Returns the text and
 * how many lines changed.
 */
export function changePrompt(
  text: string,
  fraction: number,
  seed: number,
): { text: string; changedLines: number } {
  const rand = random(seed);
  const lines = text.split('\n');
  const target = Math.round(lines.length * fraction);
  // Hunks average 2.5 lines; spacing them evenly with jitter spreads the changes through the whole text.
  const hunks = Math.max(1, Math.round(target / 2.5));
  const spacing = lines.length / hunks;
  const starts = new Set<number>();
  for (let h = 0; h < hunks; h++)
    starts.add(Math.max(PROMPT_INTRO.length, Math.floor((h + rand() * 0.6) * spacing)));
  const out: string[] = [];
  let changed = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (!starts.has(i) || changed >= target) {
      out.push(line);
      continue;
    }
    const size = Math.min(int(rand, 1, 4), target - changed, lines.length - i);
    const kind = rand();
    if (kind < 0.7) {
      for (let k = 0; k < size; k++) out.push(reword(rand, lines[i + k] ?? ''));
      i += size - 1;
    } else if (kind < 0.85) {
      out.push(line);
      for (let k = 0; k < size; k++) out.push(ruleLine(rand, 900 + int(rand, 0, 99), k + 1));
    } else {
      i += size - 1;
    }
    changed += size;
  }
  return { text: out.join('\n'), changedLines: changed };
}

/** A clock the seed sets by hand, so the bench data carries fixed timestamps. */
class SeedClock {
  private current = Date.parse('2026-11-01T09:00:00Z');
  readonly now = () => this.current;
  at(iso: string) {
    this.current = Date.parse(iso) + 0.137;
  }
}

function userOf(services: Services, email: string): UserRecord {
  const found = services.repos.users.findByEmail(email);
  if (!found) throw new Error(`Seed user ${email} is missing: seed the catalogue first`);
  return found;
}

function createAgent(
  services: Services,
  name: string,
  projectId: number,
  prompt: string,
  creator: UserRecord,
): AgentDetailWire {
  return services.agents.create(
    {
      agent_name: name,
      project_id: projectId,
      domain: 'Benchmark agent: answers members’ coverage questions from a long reference prompt.',
      prefix_prompt: prompt,
      sample_q1: 'Is an MRI of the knee covered on the Gold PPO?',
      sample_q2: 'What tier is adalimumab?',
      sample_q3: 'How do I appeal a denied claim?',
      agent_type: { id: 1, name: '' },
      llm_config: { id: 1, model_name: '' },
      reasoning_mode: 'medium',
      react_enabled: true,
      react_max_iteration_count: 6,
      character_voice: null,
    },
    creator,
  );
}

function seedPromptAgents(
  services: Services,
  clock: SeedClock,
  users: { editor: UserRecord; admin: UserRecord },
): BenchPromptAgent[] {
  return BENCH_PROMPT_LINES.map((lines, index) => {
    clock.at(`2026-11-0${index + 2}T10:00:00Z`);
    const production = benchPrompt(lines, 7_000 + lines);
    const agent = createAgent(
      services,
      `Bench · ${lines.toLocaleString('en-US')}-line prompt`,
      101 + index,
      production,
      users.admin,
    );
    clock.at(`2026-11-2${index + 2}T15:30:00Z`);
    const staging = changePrompt(production, BENCH_CHANGED_FRACTION, 9_000 + lines);
    services.edits.updateSettings(agent.id, users.editor, undefined, { prefix_prompt: staging.text });
    return {
      lines,
      agentId: agent.id,
      changedLines: staging.changedLines,
      productionChars: production.length,
      stagingChars: staging.text.length,
    };
  });
}

function seedTypingAgent(services: Services, clock: SeedClock, admin: UserRecord): BenchManifest['typing'] {
  clock.at('2026-11-06T10:00:00Z');
  const long = benchPrompt(8_000, 4_242);
  const prompt = long.slice(0, long.lastIndexOf('\n', BENCH_TYPING_CHARS)).padEnd(BENCH_TYPING_CHARS, '.');
  const agent = createAgent(services, 'Bench · 200,000-character prompt', 103, prompt, admin);
  return { agentId: agent.id, chars: prompt.length };
}

/** One small change per publish, as a team's weekly releases make them. */
function nextConfig(previous: AgentConfig, step: number, rand: Rand): AgentConfig {
  const config = structuredClone(previous);
  const settings = config.agent_settings;
  switch (step % 6) {
    case 0:
      settings.react_max_iteration_count = 3 + (step % 9);
      break;
    case 1: {
      const guardrail = config.guardrails[(step >> 3) % Math.max(1, config.guardrails.length)];
      if (guardrail) guardrail.enabled = !guardrail.enabled;
      break;
    }
    case 2: {
      const instruction = config.instructions[step % Math.max(1, config.instructions.length)];
      if (instruction) {
        const base = instruction.instruction.split(' Also: ')[0] ?? instruction.instruction;
        instruction.instruction = `${base} Also: ${pick(rand, INSTRUCTION_TWEAKS)}`;
      }
      break;
    }
    case 3: {
      const paragraphs = settings.prefix_prompt.split('\n\n');
      const reminder = `Reminder for release ${step}: ${pick(rand, INSTRUCTION_TWEAKS)}`;
      if (paragraphs.at(-1)?.startsWith('Reminder for release')) paragraphs[paragraphs.length - 1] = reminder;
      else paragraphs.push(reminder);
      settings.prefix_prompt = paragraphs.join('\n\n');
      break;
    }
    case 4:
      settings.sample_q3 = pick(rand, QUESTIONS);
      break;
    default:
      settings.reasoning_mode = settings.reasoning_mode === 'medium' ? 'high' : 'medium';
  }
  return config;
}

/**
 * An agent with `count` publishes, written straight through the publish repository in one
 * transaction (publishing through the service 10,000 times would re-read and re-diff staging
 * each time). Records are what the publish service writes: the summary of the diff from the
 * previous snapshot, the snapshot and its fingerprint; every 250th is a revert to an earlier one.
 */
function seedHistoryAgent(
  services: Services,
  clock: SeedClock,
  users: { admin: UserRecord; reviewer: UserRecord; editor: UserRecord },
  count: number,
): BenchManifest['history'] {
  const { repos } = services;
  const rand = random(31_337);
  clock.at('2024-01-08T09:00:00Z');
  const agent = createAgent(services, 'Bench · 10,000 publishes', 102, benchPrompt(60, 77), users.admin);
  for (const text of INSTRUCTION_TWEAKS.slice(0, 6))
    services.edits.addInstruction(agent.id, users.editor, undefined, text);
  const configs = repos.agents.configs(agent.id);
  if (!configs) throw new Error('The history agent was not stored');
  let config = JSON.parse(configs.staging) as AgentConfig;
  let previous = JSON.parse(configs.production) as AgentConfig;
  const history: { changeTrackId: number; config: AgentConfig }[] = [];
  const start = Date.parse('2024-01-08T10:00:00Z');
  const step = (Date.parse('2026-11-20T00:00:00Z') - start) / count;
  const publishers = [users.reviewer, users.admin];
  let last = { changeTrackId: 0, version: 1, on: '', print: '', text: '' };

  for (let version = 2; version <= count; version++) {
    let rolledBackTo: number | null = null;
    if (version % 250 === 0 && history.length > 20) {
      const target = history[history.length - 1 - int(rand, 2, 20)];
      if (target) {
        config = structuredClone(target.config);
        rolledBackTo = target.changeTrackId;
      }
    } else {
      config = nextConfig(config, version, rand);
    }
    const summary: PublishSummary = summarise(diffConfigs(previous, config));
    const text = JSON.stringify(config);
    const print = configFingerprint(config);
    const on = formatTimestamp(start + step * version + rand() * step * 0.3);
    const changeTrackId = repos.publishes.insert({
      agent_id: agent.id,
      version,
      published_by: (publishers[version % 2] ?? users.admin).id,
      published_on: on,
      note: PUBLISH_NOTES[(version * 7) % PUBLISH_NOTES.length] ?? null,
      summary,
      rolled_back_to: rolledBackTo,
      snapshot_fingerprint: print,
      snapshot: text,
    });
    history.push({ changeTrackId, config });
    if (history.length > 64) history.shift();
    last = { changeTrackId, version, on, print, text };
    previous = config;
  }

  const settings = config.agent_settings;
  repos.agents.writeStaging({
    id: agent.id,
    config: last.text,
    fingerprint: last.print,
    revision: count + 7,
    agent_name: settings.agent_name,
    domain: settings.domain,
    access: settings.access,
    tags: settings.tags,
    modified_by: users.editor.email,
    modified_on: last.on,
  });
  repos.agents.writeProduction({
    id: agent.id,
    config: last.text,
    fingerprint: last.print,
    live_change_track_id: last.changeTrackId,
    live_version: last.version,
    last_published_on: last.on,
  });
  return { agentId: agent.id, publishes: repos.publishes.maxVersion(agent.id) };
}

/** Seeds a fresh database for `npm run bench`: the demo users and catalogue, then the bench agents. */
export function seedBench(db: Db): BenchManifest {
  seedCatalogue(db);
  const clock = new SeedClock();
  const services = createServices(db, { ...defaultConfig, clock: clock.now });
  const users = {
    admin: userOf(services, 'admin@example.com'),
    reviewer: userOf(services, 'reviewer@example.com'),
    editor: userOf(services, 'editor@example.com'),
  };
  return db.transaction(() => {
    const prompts = seedPromptAgents(services, clock, users);
    const history = seedHistoryAgent(services, clock, users, BENCH_HISTORY_PUBLISHES);
    const typing = seedTypingAgent(services, clock, users.admin);
    return { prompts, history, typing };
  })();
}
