import {
  SECTION_KEYS,
  SECTION_TITLES,
  type AgentConfig,
  type AgentSettings,
  type CorpusConnection,
  type Diff,
  type FieldChange,
  type GuardrailSetting,
  type Instruction,
  type LinkedTool,
  type SectionKey,
  type ToolAction,
} from '../../contract';
import { jsonEqual } from './fingerprint';

/**
 * The one diff of the sandbox: staging review, revert preview, compare and publish summaries all
 * come from here, so they can never disagree. Pure: no I/O, no clock.
 */

type Change = Omit<FieldChange, 'modified_by' | 'modified_on'>;

/** Fixed order and labels of the agent_settings fields, as people read them. */
export const SETTINGS_LABELS: ReadonlyArray<readonly [keyof AgentSettings, string]> = [
  ['agent_name', 'Name'],
  ['domain', 'Description'],
  ['prefix_prompt', 'System prompt'],
  ['sample_q1', 'Sample question 1'],
  ['sample_q2', 'Sample question 2'],
  ['sample_q3', 'Sample question 3'],
  ['agent_type', 'Agent type'],
  ['llm_config', 'Model configuration'],
  ['reasoning_mode', 'Reasoning mode'],
  ['caching_enabled', 'Response caching'],
  ['react_enabled', 'ReAct reasoning'],
  ['react_max_iteration_count', 'ReAct max iterations'],
  ['character_voice', 'Character voice'],
  ['access', 'Access'],
  ['tags', 'Tags'],
];

const quoted = (name: string) => `“${name}”`;

function item<T>(path: string, label: string, before: T | undefined, after: T | undefined): Change | null {
  if (before === undefined && after === undefined) return null;
  if (before === undefined) return { path, label, change: 'added', before: null, after };
  if (after === undefined) return { path, label, change: 'removed', before, after: null };
  if (jsonEqual(before, after)) return null;
  return { path, label, change: 'modified', before, after };
}

function settingsChanges(before: AgentSettings, after: AgentSettings): Change[] {
  const changes: Change[] = [];
  for (const [field, label] of SETTINGS_LABELS) {
    const b: unknown = before[field] ?? null;
    const a: unknown = after[field] ?? null;
    if (!jsonEqual(b, a)) changes.push({ path: field, label, change: 'modified', before: b, after: a });
  }
  return changes;
}

function instructionChanges(before: Instruction[], after: Instruction[]): Change[] {
  const changes: Change[] = [];
  const beforeById = new Map(before.map((i, index) => [i.id, { text: i.instruction, index }]));
  const afterIds = new Set(after.map((i) => i.id));
  after.forEach((ins, index) => {
    const previous = beforeById.get(ins.id);
    // Numbered as in staging; one that moved says where it was, so that it is not taken for
    // another one numbered so in production (a removed one is numbered as it was there).
    const moved = previous !== undefined && previous.index !== index;
    const change = item(
      `instructions/${ins.id}`,
      `Instruction ${index + 1}${moved ? ` (was ${previous.index + 1})` : ''}`,
      previous?.text,
      ins.instruction,
    );
    if (change) changes.push(change);
  });
  before.forEach((ins, index) => {
    if (!afterIds.has(ins.id)) {
      changes.push({
        path: `instructions/${ins.id}`,
        label: `Instruction ${index + 1}`,
        change: 'removed',
        before: ins.instruction,
        after: null,
      });
    }
  });
  // Only the relative order of instructions present on both sides counts as a reorder;
  // additions and removals are reported on their own.
  const keptBefore = before.filter((i) => afterIds.has(i.id));
  const keptAfter = after.filter((i) => beforeById.has(i.id));
  if (keptBefore.some((ins, index) => keptAfter[index]?.id !== ins.id)) {
    changes.push({
      path: 'instructions/order',
      label: 'Instruction order',
      change: 'modified',
      before: keptBefore.map((i) => i.instruction),
      after: keptAfter.map((i) => i.instruction),
    });
  }
  return changes;
}

function corpusChanges(before: CorpusConnection[], after: CorpusConnection[]): Change[] {
  const b = new Map(before.map((c) => [c.corpus.id, c]));
  const a = new Map(after.map((c) => [c.corpus.id, c]));
  const ids = [...new Set([...b.keys(), ...a.keys()])].sort((x, y) => x - y);
  const changes: Change[] = [];
  for (const id of ids) {
    const name = (a.get(id) ?? b.get(id))?.corpus.name ?? String(id);
    const change = item(
      `knowledge_sources/corpora/${id}`,
      `Knowledge source ${quoted(name)}`,
      b.get(id),
      a.get(id),
    );
    if (change) changes.push(change);
  }
  return changes;
}

function knowledgeChanges(
  before: AgentConfig['knowledge_sources'],
  after: AgentConfig['knowledge_sources'],
): Change[] {
  const changes = corpusChanges(before.corpora, after.corpora);
  const folder = item(
    'knowledge_sources/sharepoint_folder',
    'SharePoint folder',
    before.sharepoint_folder ?? undefined,
    after.sharepoint_folder ?? undefined,
  );
  if (folder) changes.push(folder);
  return changes;
}

function actionChanges(
  toolPath: string,
  toolLabel: string,
  before: ToolAction[],
  after: ToolAction[],
): Change[] {
  const b = new Map(before.map((x) => [x.id, x]));
  const a = new Map(after.map((x) => [x.id, x]));
  const ids = [...new Set([...b.keys(), ...a.keys()])].sort((x, y) => x - y);
  const changes: Change[] = [];
  for (const id of ids) {
    const was = b.get(id);
    const now = a.get(id);
    const path = `${toolPath}/actions/${id}`;
    const label = `${toolLabel} · action ${quoted((now ?? was)?.name ?? String(id))}`;
    if (!was || !now) {
      const change = item(path, label, was, now);
      if (change) changes.push(change);
      continue;
    }
    const stateBefore = { name: was.name, is_enabled: was.is_enabled };
    const stateAfter = { name: now.name, is_enabled: now.is_enabled };
    const state = item(path, label, stateBefore, stateAfter);
    if (state) changes.push(state);
    const config = item(`${path}/config`, `${label} config`, was.config, now.config);
    if (config) changes.push(config);
  }
  return changes;
}

function toolChanges(before: LinkedTool[], after: LinkedTool[]): Change[] {
  const b = new Map(before.map((t) => [t.tool.id, t]));
  const a = new Map(after.map((t) => [t.tool.id, t]));
  const ids = [...new Set([...b.keys(), ...a.keys()])].sort((x, y) => x - y);
  const changes: Change[] = [];
  for (const id of ids) {
    const was = b.get(id);
    const now = a.get(id);
    const path = `tools/${id}`;
    const label = `Tool ${quoted((now ?? was)?.tool.name ?? String(id))}`;
    if (!was || !now) {
      const change = item(path, label, was, now);
      if (change) changes.push(change);
      continue;
    }
    const state = item(
      path,
      label,
      { tool: was.tool, is_enabled: was.is_enabled },
      { tool: now.tool, is_enabled: now.is_enabled },
    );
    if (state) changes.push(state);
    changes.push(...actionChanges(path, label, was.actions, now.actions));
  }
  return changes;
}

function guardrailChanges(before: GuardrailSetting[], after: GuardrailSetting[]): Change[] {
  const b = new Map(before.map((g) => [g.type, g]));
  const afterTypes = new Set(after.map((g) => g.type));
  const changes: Change[] = [];
  const label = (g: GuardrailSetting) => `Guardrail ${quoted(g.name)}`;
  for (const g of after) {
    const change = item(`guardrails/${g.type}`, label(g), b.get(g.type), g);
    if (change) changes.push(change);
  }
  for (const g of before) {
    if (!afterTypes.has(g.type))
      changes.push({
        path: `guardrails/${g.type}`,
        label: label(g),
        change: 'removed',
        before: g,
        after: null,
      });
  }
  return changes;
}

const SECTION_DIFFS: Record<SectionKey, (before: AgentConfig, after: AgentConfig) => Change[]> = {
  agent_settings: (b, a) => settingsChanges(b.agent_settings, a.agent_settings),
  instructions: (b, a) => instructionChanges(b.instructions, a.instructions),
  knowledge_sources: (b, a) => knowledgeChanges(b.knowledge_sources, a.knowledge_sources),
  tools: (b, a) => toolChanges(b.tools, a.tools),
  guardrails: (b, a) => guardrailChanges(b.guardrails, a.guardrails),
};

/** What changes when going from `before` to `after`. */
export function diffConfigs(before: AgentConfig, after: AgentConfig): Diff {
  const sections = SECTION_KEYS.flatMap((key) => {
    const changes = SECTION_DIFFS[key](before, after);
    return changes.length > 0 ? [{ key, title: SECTION_TITLES[key], changes }] : [];
  });
  return { has_changes: sections.length > 0, sections };
}

export function changedPaths(diff: Diff): string[] {
  return diff.sections.flatMap((s) => s.changes.map((c) => c.path));
}

const plural = (n: number) => `${n} ${n === 1 ? 'change' : 'changes'}`;

/** The publish-record summary: "Agent settings: 2 changes · Tools: 1 change". */
export function summarise(diff: Diff): {
  text: string;
  sections: { key: SectionKey; title: string; count: number }[];
} {
  const sections = diff.sections.map((s) => ({ key: s.key, title: s.title, count: s.changes.length }));
  const text =
    sections.length === 0 ? 'No changes' : sections.map((s) => `${s.title}: ${plural(s.count)}`).join(' · ');
  return { text, sections };
}
