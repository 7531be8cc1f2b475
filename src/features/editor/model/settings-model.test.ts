import { describe, expect, it } from 'vitest';
import { configFixture } from './config-fixture';
import { runPlan } from './fake-staging';
import { settingsFormSchema, settingsModel, toSettingsForm, type SettingsContext } from './settings-model';

const config = configFixture();
const ctx: SettingsContext = {
  agentTypes: [
    { id: 1, name: 'Retrieval' },
    { id: 2, name: 'Conversational' },
  ],
  llmConfigs: [
    { id: 3, model_name: 'gpt-4o', provider: 'Azure' },
    { id: 4, model_name: 'claude-sonnet', provider: 'Anthropic' },
  ],
  current: { agent_type: config.agent_settings.agent_type, llm_config: config.agent_settings.llm_config },
};
const base = toSettingsForm(config.agent_settings);

describe('settings save plan', () => {
  it('sends one PUT with only the fields the user changed, in wire shape', () => {
    const target = {
      ...base,
      agent_name: '  Benefits Guide  ',
      llm_config_id: '4',
      react_max_iteration_count: '8',
    };
    const { ops, config: after } = runPlan(settingsModel, base, target, ctx, config);
    expect(ops).toEqual([
      {
        kind: 'settings',
        body: {
          agent_name: 'Benefits Guide',
          llm_config: { id: 4, model_name: 'claude-sonnet' },
          react_max_iteration_count: 8,
        },
      },
    ]);
    expect(after.agent_settings.agent_name).toBe('Benefits Guide');
  });

  it('sends nothing when nothing changed', () => {
    expect(runPlan(settingsModel, base, { ...base }, ctx, config).ops).toEqual([]);
  });

  it('gives a prompt saved with CRLF line breaks its CRLFs back, which the text field turned into LFs', () => {
    const crlf = configFixture({
      agent_settings: { ...config.agent_settings, prefix_prompt: 'Line one\r\nLine two\r\nLine three' },
    });
    const from = toSettingsForm(crlf.agent_settings);
    const target = { ...from, prefix_prompt: 'Line one\nLine two\nLine three END' };
    expect(runPlan(settingsModel, from, target, ctx, crlf).ops).toEqual([
      { kind: 'settings', body: { prefix_prompt: 'Line one\r\nLine two\r\nLine three END' } },
    ]);
  });

  it('clears a reference with null', () => {
    const { ops } = runPlan(settingsModel, base, { ...base, agent_type_id: null }, ctx, config);
    expect(ops).toEqual([{ kind: 'settings', body: { agent_type: null } }]);
  });
});

describe('settings form rules', () => {
  const errors = (values: object) => {
    const r = settingsFormSchema.safeParse({ ...base, ...values });
    return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
  };

  it('are the contract’s', () => {
    expect(errors({ agent_name: '   ' })).toEqual({ agent_name: 'The name cannot be empty' });
    expect(errors({ agent_name: 'x'.repeat(201) })).toEqual({
      agent_name: 'The name is at most 200 characters',
    });
    expect(errors({ react_max_iteration_count: 51 })).toEqual({
      react_max_iteration_count: 'At most 50 iterations',
    });
  });

  it('say a sample question’s length limit in words', () => {
    expect(errors({ sample_q2: 'q'.repeat(1001) })).toEqual({
      sample_q2: 'A sample question is at most 1,000 characters',
    });
    expect(errors({ sample_q3: 'q'.repeat(1000) })).toEqual({});
  });

  it('write the description’s length limit with its thousands grouped, as the other limits', () => {
    expect(errors({ domain: 'd'.repeat(20_001) })).toEqual({
      domain: 'The description is at most 20,000 characters',
    });
    expect(errors({ domain: 'd'.repeat(20_000) })).toEqual({});
    expect(errors({ domain: 'a\u0007b' }).domain).toMatch(
      /^The description cannot contain control characters/,
    );
  });

  it('say the iteration limit’s range for a whole number too long to be held exactly', () => {
    expect(errors({ react_max_iteration_count: '12345678901234567890' })).toEqual({
      react_max_iteration_count: 'At most 50 iterations',
    });
    expect(errors({ react_max_iteration_count: 1e20 })).toEqual({
      react_max_iteration_count: 'At most 50 iterations',
    });
    expect(errors({ react_max_iteration_count: '-12345678901234567890' })).toEqual({
      react_max_iteration_count: 'At least 1 iteration',
    });
    expect(errors({ react_max_iteration_count: '2.5' })).toEqual({
      react_max_iteration_count: 'Whole numbers only',
    });
  });

  it('ask for a number when the iteration limit is left empty', () => {
    expect(errors({ react_max_iteration_count: '' })).toEqual({
      react_max_iteration_count: 'Enter a number of iterations from 1 to 50',
    });
  });
});

describe('settings errors and conflicts', () => {
  it('puts server errors about references at the select that holds them', () => {
    const op = { kind: 'settings' as const, body: {} };
    expect(settingsModel.errorPath(op, 'llm_config', base)).toBe('llm_config_id');
    expect(settingsModel.errorPath(op, 'agent_name', base)).toBe('agent_name');
    expect(settingsModel.errorPath(op, 'nonsense', base)).toBeNull();
  });

  it('describes models by name, so a conflict reads “gpt-4o”, not “3”', () => {
    expect(settingsModel.describe(base, ctx).llm_config_id).toEqual({ label: 'Model', value: 'gpt-4o' });
  });

  it('keeps their change to a field the user left alone', () => {
    const mine = { ...base, agent_name: 'Mine' };
    const theirs = { ...base, domain: 'Theirs' };
    expect(settingsModel.merge(base, mine, theirs)).toMatchObject({ agent_name: 'Mine', domain: 'Theirs' });
  });

  it('keeps both people’s edits to different lines of the system prompt, and mine where they meet', () => {
    const prompt = [
      '# Role',
      'You answer benefits questions.',
      '',
      '# Rules',
      'Cite the plan.',
      'Be brief.',
    ].join('\n');
    const from = { ...base, prefix_prompt: prompt };
    const mine = { ...from, prefix_prompt: prompt.replace('Be brief.', 'Be brief and kind.') };
    const theirs = { ...from, prefix_prompt: prompt.replace('# Role', '# Who you are') };
    expect(settingsModel.merge(from, mine, theirs).prefix_prompt).toBe(
      prompt.replace('Be brief.', 'Be brief and kind.').replace('# Role', '# Who you are'),
    );
    const same = { ...from, prefix_prompt: prompt.replace('Be brief.', 'Be short.') };
    expect(settingsModel.merge(from, mine, same).prefix_prompt).toBe(mine.prefix_prompt);
  });

  it('merges a prompt kept with CRLF line breaks, which the field gives back with LFs', () => {
    const prompt = ['# Role', 'You answer benefits questions.', '', 'Be brief.'].join('\r\n');
    const from = { ...base, prefix_prompt: prompt };
    const mine = { ...from, prefix_prompt: prompt.replace(/\r\n/g, '\n').replace('Be brief.', 'Be kind.') };
    const theirs = { ...from, prefix_prompt: prompt.replace('# Role', '# Who you are') };
    expect(settingsModel.merge(from, mine, theirs).prefix_prompt).toBe(
      ['# Who you are', 'You answer benefits questions.', '', 'Be kind.'].join('\n'),
    );
  });
});
