import type { AgentType, Corpus, GuardrailType, LlmConfig, OrgTool } from '@contract';
import { deepEqual } from '@/lib/deep-equal';
import { formatScalar, isRecord } from '@/lib/format-value';
import type { DescribedField } from '@/lib/three-way-merge';
import { accessModel, type AccessForm } from './access-model';
import { corporaModel, type CorporaForm } from './corpora-model';
import { guardrailsModel, type GuardrailsForm } from './guardrails-model';
import { instructionsModel, type InstructionsForm } from './instructions-model';
import type { FormId } from './section-model';
import { settingsModel, type SettingsForm } from './settings-model';
import type { SharepointForm } from './sharepoint-model';
import { toolsModel, type ToolsForm } from './tools-model';

/** The catalogues that name what a draft refers to by id; empty where they could not be read. */
export interface DraftNames {
  agentTypes: readonly AgentType[];
  llmConfigs: readonly LlmConfig[];
  corpora: readonly Corpus[];
  orgTools: readonly OrgTool[];
  guardrailTypes: readonly GuardrailType[];
}

/** One field of a draft as the form labels it, and its text as typed (null: the user removed it). */
export interface DraftField {
  key: string;
  label: string;
  text: string | null;
}

/** The SharePoint folder's fields, one by one, as its form labels them. */
function describeSharepoint(v: SharepointForm): Record<string, DescribedField> {
  const connected = {
    label: 'SharePoint folder',
    value: v.connected ? 'Connected' : 'No folder connected',
  };
  if (!v.connected) return { connected };
  return {
    connected,
    folder_url: { label: 'Folder address', value: v.folder_url },
    folder_name: { label: 'Display name', value: v.folder_name },
    include_subfolders: { label: 'Include subfolders', value: v.include_subfolders },
  };
}

function describe(form: FormId, values: unknown, names: DraftNames): Record<string, DescribedField> {
  switch (form) {
    case 'settings':
      return settingsModel.describe(values as SettingsForm, {
        agentTypes: names.agentTypes,
        llmConfigs: names.llmConfigs,
        current: { agent_type: null, llm_config: null },
      });
    case 'access': {
      const fields = accessModel.describe(values as AccessForm, undefined);
      return { ...fields, access: { ...fields.access!, label: 'Access level' } };
    }
    case 'instructions':
      return instructionsModel.describe(values as InstructionsForm, undefined);
    case 'corpora':
      return corporaModel.describe(values as CorporaForm, {
        corpora: names.corpora,
        connectedNames: new Map(),
      });
    case 'sharepoint':
      return describeSharepoint(values as SharepointForm);
    case 'tools':
      return toolsModel.describe(values as ToolsForm, { orgTools: names.orgTools, linked: [] });
    case 'guardrails':
      return guardrailsModel.describe(values as GuardrailsForm, { types: names.guardrailTypes });
  }
}

/** An action's configuration as typed (the model reads it as the JSON it stands for). */
function typedConfig(key: string, values: unknown): string | null {
  const m = /^config:(\d+):(\d+)$/.exec(key);
  if (!m) return null;
  const config = (values as ToolsForm).tools[m[1]!]?.actions[m[2]!]?.config;
  return typeof config === 'string' ? config : null;
}

/** A field's value as text: text exactly as typed, anything else as the editor shows it. */
function textOf(field: DescribedField): string {
  if (typeof field.value === 'string') return field.value;
  if (field.display !== undefined) return field.display;
  if (Array.isArray(field.value)) return field.value.map(formatScalar).join(', ');
  return formatScalar(field.value);
}

/**
 * The fields of a draft the user changed from what the form was loaded from (every field when
 * the draft kept no base), as the form labels them, with their text as typed: what is left of
 * unsaved work when the agent is gone, to copy out field by field.
 */
export function draftFields(form: FormId, values: unknown, base: unknown, names: DraftNames): DraftField[] {
  if (!isRecord(values)) return [];
  const mine = describe(form, values, names);
  const was = isRecord(base) ? describe(form, base, names) : {};
  const keys = [...new Set([...Object.keys(mine), ...Object.keys(was)])];
  return keys.flatMap((key): DraftField[] => {
    const now = mine[key];
    const before = was[key];
    if (now && before && deepEqual(now.value, before.value)) return [];
    // A removed one is named by where it was: another may have its old place, and its label now.
    if (!now) return before ? [{ key, label: `${before.label} (before your changes)`, text: null }] : [];
    return [{ key, label: now.label, text: typedConfig(key, values) ?? textOf(now) }];
  });
}
