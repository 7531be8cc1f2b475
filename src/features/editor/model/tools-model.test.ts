import { describe, expect, it } from 'vitest';
import { formatJsonConfig } from '@/lib/json-config';
import { configFixture } from './config-fixture';
import { runPlan } from './fake-staging';
import { toolsFormSchema, toolsModel, type ToolsContext, type ToolsForm } from './tools-model';

const config = configFixture();
const ctx: ToolsContext = {
  orgTools: [
    { id: 5, name: 'Microsoft 365', type: 'msgraph', description: '', actions: [] },
    { id: 6, name: 'Jira', type: 'jira', description: '', actions: [] },
  ],
  linked: config.tools,
};
const base = toolsModel.fromConfig(config, ctx);

const withAction = (f: ToolsForm, actionId: string, patch: object): ToolsForm => ({
  tools: {
    ...f.tools,
    '5': {
      ...f.tools['5']!,
      actions: { ...f.tools['5']!.actions, [actionId]: { ...f.tools['5']!.actions[actionId]!, ...patch } },
    },
  },
});

describe('tools form', () => {
  it('lists every tool of the organisation, linked or not', () => {
    expect(base.tools['6']).toEqual({ enabled: false, actions: {} });
    expect(base.tools['5']?.actions['9']).toEqual({
      enabled: true,
      config: formatJsonConfig({ from: 'hr@example.com' }),
    });
  });

  it('says at the field when a configuration is not valid JSON', () => {
    const r = toolsFormSchema.safeParse(withAction(base, '9', { config: '{ "from": ' }));
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['tools', '5', 'actions', '9', 'config']);
    expect(r.error?.issues[0]?.message).toMatch(/^Not valid JSON at line 1, column \d+: /);
  });

  it('checks the configuration of an action switched off, which is saved too', () => {
    const r = toolsFormSchema.safeParse(withAction(base, '9', { enabled: false, config: '{ "from": ' }));
    expect(r.error?.issues.map((i) => i.path)).toEqual([['tools', '5', 'actions', '9', 'config']]);
  });

  it('holds a save back for text that is not JSON in the actions of a tool being switched off', () => {
    const broken = withAction(base, '9', { config: '{ "from": ' });
    const off: ToolsForm = { tools: { ...broken.tools, '5': { ...broken.tools['5']!, enabled: false } } };
    const r = toolsFormSchema.safeParse(off);
    expect(r.error?.issues.map((i) => i.path)).toEqual([['tools', '5', 'actions', '9', 'config']]);
  });
});

describe('tools save plan', () => {
  it('enables a tool, enables an action and sends a changed configuration as an object', () => {
    let target = withAction(base, '10', { enabled: true });
    target = withAction(target, '9', { config: '{"from": "benefits@example.com"}' });
    target = { tools: { ...target.tools, '6': { enabled: true, actions: {} } } };
    const { ops } = runPlan(toolsModel, base, target, ctx, config);
    expect(ops).toEqual([
      { kind: 'enable-tool', toolId: 6 },
      { kind: 'action-config', toolId: 5, actionId: 9, config: { from: 'benefits@example.com' } },
      { kind: 'action-enabled', toolId: 5, actionId: 10, enabled: true },
    ]);
  });

  it('has nothing to save in a configuration laid out anew, and something in a changed one', () => {
    expect(toolsModel.unchanged?.(withAction(base, '9', { config: '{"from":"hr@example.com"}' }), base)).toBe(
      true,
    );
    expect(toolsModel.unchanged?.(withAction(base, '9', { config: '{"from":"hr@example.org"}' }), base)).toBe(
      false,
    );
    expect(toolsModel.unchanged?.(withAction(base, '9', { enabled: false }), base)).toBe(false);
    expect(toolsModel.unchanged?.(withAction(base, '9', { config: '{"from":' }), base)).toBe(false);
  });

  it('keeps their change to a configuration the user only laid out anew, and the user’s other changes', () => {
    const mine = withAction(withAction(base, '9', { config: '{"from":"hr@example.com"}' }), '10', {
      enabled: true,
    });
    const theirs = withAction(base, '9', { config: '{"from": "benefits@example.com"}' });
    const merged = toolsModel.merge(base, mine, theirs);
    expect(merged.tools['5']?.actions['9']?.config).toBe('{"from": "benefits@example.com"}');
    expect(merged.tools['5']?.actions['10']?.enabled).toBe(true);
  });

  it('sends nothing for a configuration only re-spaced', () => {
    const target = withAction(base, '9', { config: '{"from":"hr@example.com"}' });
    expect(runPlan(toolsModel, base, target, ctx, config).ops).toEqual([]);
  });

  it('saves the action changes of a tool being switched off before switching it off', () => {
    let target = withAction(base, '9', { config: '{"from": "benefits@example.com"}' });
    target = withAction(target, '10', { enabled: true });
    target = { tools: { ...target.tools, '5': { ...target.tools['5']!, enabled: false } } };
    const { ops, config: after } = runPlan(toolsModel, base, target, ctx, config);
    expect(ops).toEqual([
      { kind: 'action-config', toolId: 5, actionId: 9, config: { from: 'benefits@example.com' } },
      { kind: 'action-enabled', toolId: 5, actionId: 10, enabled: true },
      { kind: 'disable-tool', toolId: 5 },
    ]);
    expect(after.tools[0]).toMatchObject({
      is_enabled: false,
      actions: [
        { id: 9, is_enabled: true, config: { from: 'benefits@example.com' } },
        { id: 10, is_enabled: true },
      ],
    });
  });

  it('only switches off a tool whose actions were not changed', () => {
    const target: ToolsForm = { tools: { ...base.tools, '5': { ...base.tools['5']!, enabled: false } } };
    expect(runPlan(toolsModel, base, target, ctx, config).ops).toEqual([{ kind: 'disable-tool', toolId: 5 }]);
  });

  it('points a server error about a configuration at its field', () => {
    const op = { kind: 'action-config' as const, toolId: 5, actionId: 9, config: {} };
    expect(toolsModel.errorPath(op, 'config', base)).toBe('tools.5.actions.9.config');
  });
});
