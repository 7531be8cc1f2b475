import { z } from 'zod';
import type { AgentConfig, LinkedTool, OrgTool } from '@contract';
import type { EditOp } from '@/api/agents/edits';
import { deepEqual } from '@/lib/deep-equal';
import { formatJsonConfig, parseJsonConfig } from '@/lib/json-config';
import { stableStringify } from '@/lib/stable-json';
import { mergeThreeWay, type DescribedField } from '@/lib/three-way-merge';
import { sentOnce, type SectionModel } from './section-model';

export interface ActionState {
  enabled: boolean;
  /** JSON text as the user edits it. */
  config: string;
}

export interface ToolState {
  enabled: boolean;
  /** The actions of a linked tool, by id; none for a tool never enabled on this agent. */
  actions: Record<string, ActionState>;
}

export type ToolsForm = {
  tools: Record<string, ToolState>;
};

export interface ToolsContext {
  orgTools: readonly OrgTool[];
  linked: readonly LinkedTool[];
}

export function toToolsForm(config: AgentConfig, ctx: Pick<ToolsContext, 'orgTools'>): ToolsForm {
  const tools: Record<string, ToolState> = {};
  const ids = new Set([...ctx.orgTools.map((t) => t.id), ...config.tools.map((t) => t.tool.id)]);
  for (const id of ids) {
    const linked = config.tools.find((t) => t.tool.id === id);
    const actions: Record<string, ActionState> = {};
    for (const a of linked?.actions ?? [])
      actions[String(a.id)] = { enabled: a.is_enabled, config: formatJsonConfig(a.config) };
    tools[String(id)] = { enabled: linked?.is_enabled ?? false, actions };
  }
  return { tools };
}

/**
 * The configuration of every action (an action switched off included, and the actions of a tool
 * being switched off: staging keeps them, so their changes are saved too) must be a JSON object,
 * said at the field in words.
 */
export const toolsFormSchema = z.object({
  tools: z.record(
    z.string(),
    z
      .object({
        enabled: z.boolean(),
        actions: z.record(z.string(), z.object({ enabled: z.boolean(), config: z.string() })),
      })
      .superRefine((tool, ctx) => {
        for (const [actionId, action] of Object.entries(tool.actions)) {
          const parsed = parseJsonConfig(action.config);
          if (!parsed.ok)
            ctx.addIssue({ code: 'custom', message: parsed.message, path: ['actions', actionId, 'config'] });
        }
      }),
  ),
});

export function toolName(id: number, ctx: ToolsContext): string {
  return (
    ctx.orgTools.find((t) => t.id === id)?.name ??
    ctx.linked.find((t) => t.tool.id === id)?.tool.name ??
    `Tool ${id}`
  );
}

export function actionName(toolId: number, actionId: number, ctx: ToolsContext): string {
  const linked = ctx.linked.find((t) => t.tool.id === toolId)?.actions.find((a) => a.id === actionId);
  if (linked) return linked.name;
  const org = ctx.orgTools.find((t) => t.id === toolId)?.actions.find((a) => a.id === actionId);
  return org?.name ?? `Action ${actionId}`;
}

/** The configuration the text stands for, compared by content whatever its spacing. */
function configValue(text: string): unknown {
  const parsed = parseJsonConfig(text);
  return parsed.ok ? parsed.config : text;
}

/** Whether two texts of a configuration say the same, whatever their spacing or key order. */
export function sameConfig(a: string | undefined, b: string | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  return deepEqual(configValue(a), configValue(b));
}

/** Whether two forms say the same: the same tools and actions on, configurations alike in content. */
export function sameTools(a: ToolsForm, b: ToolsForm): boolean {
  const ids = new Set([...Object.keys(a.tools), ...Object.keys(b.tools)]);
  for (const id of ids) {
    const x = a.tools[id];
    const y = b.tools[id];
    if (!x || !y || x.enabled !== y.enabled) return false;
    const actionIds = new Set([...Object.keys(x.actions), ...Object.keys(y.actions)]);
    for (const actionId of actionIds) {
      const p = x.actions[actionId];
      const q = y.actions[actionId];
      if (!p || !q || p.enabled !== q.enabled || !sameConfig(p.config, q.config)) return false;
    }
  }
  return true;
}

/** `form` with each configuration that says what `base`'s says written as `base` writes it. */
function withBaseLayout(form: ToolsForm, base: ToolsForm): ToolsForm {
  const tools: Record<string, ToolState> = {};
  for (const [id, tool] of Object.entries(form.tools)) {
    const actions: Record<string, ActionState> = {};
    for (const [actionId, action] of Object.entries(tool.actions)) {
      const was = base.tools[id]?.actions[actionId];
      actions[actionId] =
        was && was.config !== action.config && sameConfig(was.config, action.config)
          ? { ...action, config: was.config }
          : action;
    }
    tools[id] = { ...tool, actions };
  }
  return { tools };
}

export const toolsModel: SectionModel<ToolsForm, ToolsContext> = {
  id: 'tools',
  fromConfig: toToolsForm,
  sameContent: sameTools,
  unchanged: sameTools,
  planner(base, target) {
    const sent = sentOnce();
    /** The first tool the user turned on (or, `on` false, off) that staging does not show so yet. */
    const toolSwitch = (config: AgentConfig, on: boolean): EditOp | null => {
      for (const [id, want] of Object.entries(target.tools)) {
        if (want.enabled !== on) continue;
        const was = base.tools[id];
        const now = config.tools.find((t) => String(t.tool.id) === id)?.is_enabled ?? false;
        if (was && was.enabled !== want.enabled && now !== want.enabled && !sent.has(`tool:${id}`)) {
          sent.mark(`tool:${id}`);
          return { kind: on ? 'enable-tool' : 'disable-tool', toolId: Number(id) };
        }
      }
      return null;
    };
    return {
      target: () => target,
      next(config) {
        const enable = toolSwitch(config, true);
        if (enable) return enable;
        // The actions of a tool being switched off are kept by staging (and come back with the
        // tool), so their changes are sent too, before the tool goes off.
        for (const [id, want] of Object.entries(target.tools)) {
          const linked = config.tools.find((t) => String(t.tool.id) === id);
          if (!linked) continue;
          for (const [actionId, action] of Object.entries(want.actions)) {
            const was = base.tools[id]?.actions[actionId];
            const now = linked.actions.find((a) => String(a.id) === actionId);
            if (!was || !now) continue;
            const key = `${id}:${actionId}`;
            if (
              was.enabled !== action.enabled &&
              now.is_enabled !== action.enabled &&
              !sent.has(`enabled:${key}`)
            ) {
              sent.mark(`enabled:${key}`);
              return {
                kind: 'action-enabled',
                toolId: Number(id),
                actionId: Number(actionId),
                enabled: action.enabled,
              };
            }
            const parsed = parseJsonConfig(action.config);
            if (
              parsed.ok &&
              !deepEqual(configValue(was.config), parsed.config) &&
              !deepEqual(now.config, parsed.config) &&
              !sent.has(`config:${key}`)
            ) {
              sent.mark(`config:${key}`);
              return {
                kind: 'action-config',
                toolId: Number(id),
                actionId: Number(actionId),
                config: parsed.config,
              };
            }
          }
        }
        return toolSwitch(config, false);
      },
    };
  },
  // A configuration only laid out anew is no change of mine: theirs must win it.
  merge: (base, mine, theirs) => mergeThreeWay(base, withBaseLayout(mine, base), theirs),
  describe(values, ctx) {
    const out: Record<string, DescribedField> = {};
    for (const [id, tool] of Object.entries(values.tools)) {
      const name = toolName(Number(id), ctx);
      out[`tool:${id}`] = { label: `Tool “${name}”`, value: tool.enabled ? 'Enabled' : 'Disabled' };
      for (const [actionId, action] of Object.entries(tool.actions)) {
        const label = `${name} › ${actionName(Number(id), Number(actionId), ctx)}`;
        out[`action:${id}:${actionId}`] = { label, value: action.enabled ? 'Enabled' : 'Disabled' };
        const value = configValue(action.config);
        out[`config:${id}:${actionId}`] = {
          label: `${label}: configuration`,
          value,
          display: typeof value === 'string' ? value : stableStringify(value),
        };
      }
    }
    return out;
  },
  errorPath(op, field) {
    if (op.kind === 'action-config' && (field === 'config' || field.startsWith('config.'))) {
      return `tools.${op.toolId}.actions.${op.actionId}.config`;
    }
    return null;
  },
  errorLabel(op, _field, ctx) {
    if (op.kind === 'action-enabled' || op.kind === 'action-config')
      return `${toolName(op.toolId, ctx)} › ${actionName(op.toolId, op.actionId, ctx)}`;
    if (op.kind === 'enable-tool' || op.kind === 'disable-tool') return `Tool “${toolName(op.toolId, ctx)}”`;
    return 'Tools';
  },
};
