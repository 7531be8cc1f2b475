import { describe, expect, it } from 'vitest';
import { configFixture } from './config-fixture';
import { draftFields, type DraftNames } from './draft-fields';
import { toInstructionsForm } from './instructions-model';
import { toSettingsForm } from './settings-model';
import { NO_FOLDER } from './sharepoint-model';

const config = configFixture();
const names: DraftNames = {
  agentTypes: [],
  llmConfigs: [{ id: 4, model_name: 'gpt-4.1' } as DraftNames['llmConfigs'][number]],
  corpora: [],
  orgTools: [],
  guardrailTypes: [],
};

describe('the fields of a draft left behind', () => {
  it('are those changed, labelled as the form labels them, their text exactly as typed', () => {
    const base = toSettingsForm(config.agent_settings);
    const prompt = 'Line one\r\n\tLine "two" \\n\n';
    const fields = draftFields(
      'settings',
      { ...base, prefix_prompt: prompt, llm_config_id: '4', reasoning_mode: 'high' },
      base,
      names,
    );
    expect(fields).toEqual([
      { key: 'prefix_prompt', label: 'System prompt', text: prompt },
      { key: 'llm_config_id', label: 'Model', text: 'gpt-4.1' },
      { key: 'reasoning_mode', label: 'Reasoning mode', text: 'High' },
    ]);
  });

  it('are every field when the draft kept no base', () => {
    const values = toSettingsForm(config.agent_settings);
    const fields = draftFields('settings', values, undefined, names);
    expect(fields.map((f) => f.label)).toContain('Description');
    expect(fields.find((f) => f.key === 'caching_enabled')?.text).toBe('On');
  });

  it('say an instruction removed, and give one added as typed', () => {
    const base = toInstructionsForm(config.instructions);
    const added = { key: 'nabc', id: null, instruction: 'First line\nsecond line' };
    const fields = draftFields('instructions', { items: [base.items[1]!, added] }, base, names);
    expect(fields).toContainEqual({ key: 'nabc', label: 'Instruction 2', text: 'First line\nsecond line' });
    expect(fields).toContainEqual({ key: 'i11', label: 'Instruction 1 (before your changes)', text: null });
  });

  it('never give two fields one label: one removed from a place another now holds', () => {
    const base = toInstructionsForm(config.instructions);
    const added = { key: 'nabc', id: null, instruction: 'Typed where the first one was' };
    const fields = draftFields('instructions', { items: [added, ...base.items.slice(1)] }, base, names);
    const labels = fields.map((f) => f.label);
    expect(labels).toContain('Instruction 1');
    expect(labels).toContain('Instruction 1 (before your changes)');
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('give an action’s configuration as typed, not as re-written JSON', () => {
    const action = (text: string) => ({ enabled: true, config: text });
    const base = {
      tools: { '5': { enabled: true, actions: { '9': action('{"from": "hr@example.com"}') } } },
    };
    const typed = '{\n  "from":   "benefits@example.com"\n}';
    const fields = draftFields(
      'tools',
      { tools: { '5': { enabled: true, actions: { '9': action(typed) } } } },
      base,
      names,
    );
    expect(fields).toEqual([{ key: 'config:5:9', label: 'Tool 5 › Action 9: configuration', text: typed }]);
  });

  it('give the SharePoint folder field by field, as its form labels them', () => {
    const values = {
      connected: true,
      folder_url: 'https://contoso.sharepoint.com/sites/hr',
      folder_name: '',
      include_subfolders: false,
    };
    expect(draftFields('sharepoint', values, NO_FOLDER, names)).toEqual([
      { key: 'connected', label: 'SharePoint folder', text: 'Connected' },
      { key: 'folder_url', label: 'Folder address', text: 'https://contoso.sharepoint.com/sites/hr' },
      { key: 'folder_name', label: 'Display name', text: '' },
      { key: 'include_subfolders', label: 'Include subfolders', text: 'Off' },
    ]);
  });

  it('name the access level as the form does', () => {
    const fields = draftFields(
      'access',
      { access: 'Private', tags: ['hr'] },
      { access: 'Public', tags: ['hr'] },
      names,
    );
    expect(fields).toEqual([{ key: 'access', label: 'Access level', text: 'Private' }]);
  });
});
