import type { AgentConfig, GuardrailType } from '@contract';
import { mergeThreeWay } from '@/lib/three-way-merge';
import { sentOnce, type SectionModel } from './section-model';

export type GuardrailsForm = {
  enabled: Record<string, boolean>;
};

export interface GuardrailsContext {
  types: readonly GuardrailType[];
}

/** Every guardrail type of the catalogue, with this agent's state (off where staging has none). */
export function toGuardrailsForm(config: AgentConfig, ctx: GuardrailsContext): GuardrailsForm {
  const enabled: Record<string, boolean> = {};
  for (const t of ctx.types) enabled[t.type] = false;
  for (const g of config.guardrails) enabled[g.type] = g.enabled;
  return { enabled };
}

export function guardrailName(type: string, ctx: GuardrailsContext, config?: AgentConfig): string {
  return (
    ctx.types.find((t) => t.type === type)?.name ??
    config?.guardrails.find((g) => g.type === type)?.name ??
    type
  );
}

export const guardrailsModel: SectionModel<GuardrailsForm, GuardrailsContext> = {
  id: 'guardrails',
  fromConfig: toGuardrailsForm,
  planner(base, target) {
    const sent = sentOnce();
    return {
      target: () => target,
      next(config) {
        for (const [type, want] of Object.entries(target.enabled)) {
          const now = config.guardrails.find((g) => g.type === type)?.enabled ?? false;
          if (base.enabled[type] !== want && now !== want && !sent.has(type)) {
            sent.mark(type);
            return { kind: 'guardrail', guardrailType: type, enabled: want };
          }
        }
        return null;
      },
    };
  },
  merge: (base, mine, theirs) => mergeThreeWay(base, mine, theirs),
  describe: (values, ctx) =>
    Object.fromEntries(
      Object.entries(values.enabled).map(([type, on]) => [
        type,
        { label: `Guardrail “${guardrailName(type, ctx)}”`, value: on ? 'On' : 'Off' },
      ]),
    ),
  errorPath: () => null,
  errorLabel: (op, _field, ctx) =>
    op.kind === 'guardrail' ? `Guardrail “${guardrailName(op.guardrailType, ctx)}”` : 'Guardrails',
};
