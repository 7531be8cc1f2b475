import { formatFieldValue, isChoiceField } from '@/lib/format-value';
import { z } from 'zod';
import {
  agentSettingsSchema,
  type AgentConfig,
  type AgentSettings,
  type AgentSettingsUpdate,
  type AgentType,
  type LlmConfig,
  type ReasoningMode,
} from '@contract';
import { deepEqual } from '@/lib/deep-equal';
import { keepLineBreaks, withLfBreaks } from '@/lib/line-breaks';
import { mergeLines } from '@/lib/merge-lines';
import { mergeThreeWay } from '@/lib/three-way-merge';
import { sentOnce, type SectionModel } from './section-model';

export type SettingsForm = {
  agent_name: string;
  domain: string;
  prefix_prompt: string;
  sample_q1: string;
  sample_q2: string;
  sample_q3: string;
  /** Select values are strings: the id of the reference, or null. */
  agent_type_id: string | null;
  llm_config_id: string | null;
  reasoning_mode: ReasoningMode;
  caching_enabled: boolean;
  react_enabled: boolean;
  /** A number input holds '' while empty. */
  react_max_iteration_count: number | string;
  character_voice: string | null;
};

/** The fields whose text two people may both edit, line by line. */
const TEXT_FIELDS = ['agent_name', 'domain', 'prefix_prompt', 'sample_q1', 'sample_q2', 'sample_q3'] as const;

export interface SettingsContext {
  agentTypes: readonly AgentType[];
  llmConfigs: readonly LlmConfig[];
  /** The references staging holds now, for names of entries gone from the catalogue. */
  current: Pick<AgentSettings, 'agent_type' | 'llm_config'>;
}

const shape = agentSettingsSchema.shape;

/**
 * A whole number too long to be held exactly (20 digits) is whole all the same, and out of range:
 * zod's whole-number check takes only numbers held exactly, and would say "Whole numbers only".
 * Held as the largest one held exactly, it is just as far out of range, and is said to be.
 */
const wholeInRange = (v: unknown) =>
  typeof v === 'number' && Number.isInteger(v) && !Number.isSafeInteger(v)
    ? Math.sign(v) * Number.MAX_SAFE_INTEGER
    : v;

/** The contract's rules for each field, on the form's shape. */
export const settingsFormSchema = z.object({
  agent_name: shape.agent_name,
  domain: shape.domain,
  prefix_prompt: shape.prefix_prompt,
  sample_q1: shape.sample_q1,
  sample_q2: shape.sample_q2,
  sample_q3: shape.sample_q3,
  agent_type_id: z.string().nullable(),
  llm_config_id: z.string().nullable(),
  reasoning_mode: shape.reasoning_mode,
  caching_enabled: shape.caching_enabled,
  react_enabled: shape.react_enabled,
  react_max_iteration_count: z.preprocess(
    (v) => wholeInRange(typeof v === 'string' ? (v.trim() === '' ? undefined : Number(v)) : v),
    z.number({ error: 'Enter a number of iterations from 1 to 50' }).pipe(shape.react_max_iteration_count),
  ),
  character_voice: shape.character_voice,
});

export const SETTINGS_LABELS: Record<keyof SettingsForm, string> = {
  agent_name: 'Name',
  domain: 'Description',
  prefix_prompt: 'System prompt',
  sample_q1: 'Sample question 1',
  sample_q2: 'Sample question 2',
  sample_q3: 'Sample question 3',
  agent_type_id: 'Agent type',
  llm_config_id: 'Model',
  reasoning_mode: 'Reasoning mode',
  caching_enabled: 'Caching',
  react_enabled: 'ReAct',
  react_max_iteration_count: 'ReAct iteration limit',
  character_voice: 'Character voice',
};

const FIELDS = Object.keys(SETTINGS_LABELS) as (keyof SettingsForm)[];

export function toSettingsForm(s: AgentSettings): SettingsForm {
  return {
    agent_name: s.agent_name,
    domain: s.domain,
    prefix_prompt: s.prefix_prompt,
    sample_q1: s.sample_q1,
    sample_q2: s.sample_q2,
    sample_q3: s.sample_q3,
    agent_type_id: s.agent_type ? String(s.agent_type.id) : null,
    llm_config_id: s.llm_config ? String(s.llm_config.id) : null,
    reasoning_mode: s.reasoning_mode,
    caching_enabled: s.caching_enabled,
    react_enabled: s.react_enabled,
    react_max_iteration_count: s.react_max_iteration_count,
    character_voice: s.character_voice,
  };
}

function agentTypeRef(id: string | null, ctx: SettingsContext): AgentSettings['agent_type'] {
  if (id === null) return null;
  const n = Number(id);
  const found = ctx.agentTypes.find((t) => t.id === n);
  if (found) return { id: found.id, name: found.name };
  return ctx.current.agent_type?.id === n ? ctx.current.agent_type : { id: n, name: '' };
}

function llmConfigRef(id: string | null, ctx: SettingsContext): AgentSettings['llm_config'] {
  if (id === null) return null;
  const n = Number(id);
  const found = ctx.llmConfigs.find((m) => m.id === n);
  if (found) return { id: found.id, model_name: found.model_name };
  return ctx.current.llm_config?.id === n ? ctx.current.llm_config : { id: n, model_name: '' };
}

/** The wire value of one changed field; `base` is what the form started from. */
function wireField(
  key: keyof SettingsForm,
  base: SettingsForm,
  f: SettingsForm,
  ctx: SettingsContext,
): AgentSettingsUpdate {
  switch (key) {
    case 'agent_type_id':
      return { agent_type: agentTypeRef(f.agent_type_id, ctx) };
    case 'llm_config_id':
      return { llm_config: llmConfigRef(f.llm_config_id, ctx) };
    case 'agent_name':
      return { agent_name: f.agent_name.trim() };
    case 'react_max_iteration_count':
      return { react_max_iteration_count: Number(f.react_max_iteration_count) };
    case 'character_voice':
      return { character_voice: f.character_voice as AgentSettings['character_voice'] };
    case 'domain':
    case 'prefix_prompt':
      return { [key]: keepLineBreaks(base[key], f[key]) };
    default:
      return { [key]: f[key] };
  }
}

/** The fields the user changed, in the wire shape `PUT /agents/{id}` takes. */
export function settingsUpdate(
  base: SettingsForm,
  target: SettingsForm,
  ctx: SettingsContext,
): AgentSettingsUpdate {
  let body: AgentSettingsUpdate = {};
  for (const key of FIELDS) {
    if (!deepEqual(base[key], target[key])) body = { ...body, ...wireField(key, base, target, ctx) };
  }
  return body;
}

function display(key: keyof SettingsForm, f: SettingsForm, ctx: SettingsContext): unknown {
  if (key === 'agent_type_id') return agentTypeRef(f.agent_type_id, ctx)?.name ?? null;
  if (key === 'llm_config_id') return llmConfigRef(f.llm_config_id, ctx)?.model_name ?? null;
  const value = f[key];
  // A choice as the form names it ("High"), as the review's diff does.
  return typeof value === 'string' && isChoiceField(key) ? formatFieldValue(key, value) : value;
}

export const settingsModel: SectionModel<SettingsForm, SettingsContext> = {
  id: 'settings',
  fromConfig: (config: AgentConfig) => toSettingsForm(config.agent_settings),
  planner(base, target, ctx) {
    const sent = sentOnce();
    return {
      target: () => target,
      next() {
        if (sent.has('put')) return null;
        sent.mark('put');
        const body = settingsUpdate(base, target, ctx);
        return Object.keys(body).length > 0 ? { kind: 'settings', body } : null;
      },
    };
  },
  merge(base, mine, theirs) {
    const merged = mergeThreeWay(base, mine, theirs);
    // A text both changed (the system prompt, the description): when their edits are on lines
    // apart, both are kept; else mine, as for any other field.
    for (const key of TEXT_FIELDS) {
      if (mine[key] === base[key] || theirs[key] === base[key] || mine[key] === theirs[key]) continue;
      // Read with LF breaks, as the field gives them back; a save puts CRLFs back (keepLineBreaks).
      const lines = mergeLines(withLfBreaks(base[key]), withLfBreaks(mine[key]), withLfBreaks(theirs[key]));
      if (lines !== null) merged[key] = lines;
    }
    return merged;
  },
  describe(values, ctx) {
    return Object.fromEntries(
      FIELDS.map((key) => [key, { label: SETTINGS_LABELS[key], value: display(key, values, ctx) }]),
    );
  },
  errorPath(_op, field) {
    if (field === 'agent_type') return 'agent_type_id';
    if (field === 'llm_config') return 'llm_config_id';
    return (FIELDS as string[]).includes(field) ? field : null;
  },
  // Every field of the wire's settings has one in the form: what is left (an unknown field, an
  // empty body) is about the request as a whole, and its message says it.
  errorLabel: () => null,
};
