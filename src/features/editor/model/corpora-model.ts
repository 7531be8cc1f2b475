import type { AgentConfig, Corpus, CorpusConnectionUpdate } from '@contract';
import { mergeThreeWay, type DescribedField } from '@/lib/three-way-merge';
import { sentOnce, type SectionModel } from './section-model';

export interface CorpusState {
  is_enabled: boolean;
  is_default: boolean;
}

/** Connected knowledge sources by corpus id. */
export type CorporaForm = {
  connections: Record<string, CorpusState>;
};

export interface CorporaContext {
  corpora: readonly Corpus[];
  /** Names of what staging holds, for sources gone from the catalogue. */
  connectedNames: ReadonlyMap<number, string>;
}

export function toCorporaForm(config: AgentConfig): CorporaForm {
  const connections: Record<string, CorpusState> = {};
  for (const c of config.knowledge_sources.corpora) {
    connections[String(c.corpus.id)] = { is_enabled: c.is_enabled, is_default: c.is_default };
  }
  return { connections };
}

export function corpusName(id: number, ctx: CorporaContext): string {
  return ctx.corpora.find((c) => c.id === id)?.name ?? ctx.connectedNames.get(id) ?? `Knowledge source ${id}`;
}

/** A new connection starts enabled and, unless the user picks it, not the default. */
export const NEW_CONNECTION: CorpusState = { is_enabled: true, is_default: false };

export const corporaModel: SectionModel<CorporaForm, CorporaContext> = {
  id: 'corpora',
  fromConfig: toCorporaForm,
  planner(base, target) {
    const sent = sentOnce();
    const b = base.connections;
    const t = target.connections;
    return {
      target: () => target,
      next(config) {
        const server = toCorporaForm(config).connections;
        if (!sent.has('connect')) {
          sent.mark('connect');
          const ids = Object.keys(t).filter((id) => !(id in b) && !(id in server));
          if (ids.length > 0) return { kind: 'connect-corpora', corpusIds: ids.map(Number) };
        }
        if (!sent.has('disconnect')) {
          sent.mark('disconnect');
          const ids = Object.keys(b).filter((id) => !(id in t) && id in server);
          if (ids.length > 0) return { kind: 'disconnect-corpora', corpusIds: ids.map(Number) };
        }
        // Choosing a default unsets the old one on the server: set defaults before unsetting.
        const pending = Object.entries(t)
          .filter(([id]) => id in server)
          .sort(([, x], [, y]) => Number(y.is_default) - Number(x.is_default));
        for (const [id, want] of pending) {
          const was = b[id];
          const now = server[id]!;
          const update: CorpusConnectionUpdate = {};
          const enabledIntent = !was || was.is_enabled !== want.is_enabled;
          if (enabledIntent && now.is_enabled !== want.is_enabled && !sent.has(`enabled:${id}`)) {
            update.is_enabled = want.is_enabled;
          }
          const defaultIntent = want.is_default ? !was?.is_default : was?.is_default === true;
          if (defaultIntent && now.is_default !== want.is_default && !sent.has(`default:${id}`)) {
            update.is_default = want.is_default;
          }
          if (update.is_enabled !== undefined) sent.mark(`enabled:${id}`);
          if (update.is_default !== undefined) sent.mark(`default:${id}`);
          if (update.is_enabled !== undefined || update.is_default !== undefined) {
            return { kind: 'update-corpus', corpusId: Number(id), update };
          }
        }
        return null;
      },
    };
  },
  merge(base, mine, theirs) {
    const merged = mergeThreeWay(base, mine, theirs);
    const myDefault = Object.entries(mine.connections).find(
      ([id, c]) => c.is_default && !base.connections[id]?.is_default,
    );
    if (myDefault) {
      for (const [id, c] of Object.entries(merged.connections)) {
        merged.connections[id] = { ...c, is_default: id === myDefault[0] };
      }
    }
    return merged;
  },
  describe(values, ctx) {
    const out: Record<string, DescribedField> = {};
    for (const [id, c] of Object.entries(values.connections)) {
      const state = [c.is_enabled ? 'enabled' : 'disabled', c.is_default ? 'default' : null]
        .filter(Boolean)
        .join(', ');
      out[id] = { label: `Knowledge source “${corpusName(Number(id), ctx)}”`, value: `Connected (${state})` };
    }
    return out;
  },
  errorPath: () => null,
  errorLabel(op, _field, ctx) {
    if (op.kind === 'connect-corpus' || op.kind === 'update-corpus' || op.kind === 'disconnect-corpus')
      return `Knowledge source “${corpusName(op.corpusId, ctx)}”`;
    return 'Knowledge sources';
  },
};

/** Connected sources first by name; the ids come from both sides when showing a draft. */
export function sortedCorpusIds(ids: Iterable<string>, ctx: CorporaContext): string[] {
  return [...new Set(ids)].sort((x, y) =>
    corpusName(Number(x), ctx).localeCompare(corpusName(Number(y), ctx), undefined, { sensitivity: 'base' }),
  );
}
