import { describe, expect, it } from 'vitest';
import { configFixture } from './config-fixture';
import { NEW_CONNECTION, corporaModel, type CorporaContext } from './corpora-model';
import { runPlan } from './fake-staging';

const config = configFixture();
const ctx: CorporaContext = { corpora: [], connectedNames: new Map() };
const base = corporaModel.fromConfig(config, ctx);

describe('knowledge sources save plan', () => {
  it('connects several in one request and disconnects several in another', () => {
    const target = { connections: { '1': base.connections['1']!, '3': NEW_CONNECTION, '4': NEW_CONNECTION } };
    const { ops } = runPlan(corporaModel, base, target, ctx, config);
    expect(ops).toEqual([
      { kind: 'connect-corpora', corpusIds: [3, 4] },
      { kind: 'disconnect-corpora', corpusIds: [2] },
    ]);
  });

  it('makes a new connection the default after connecting it', () => {
    const target = {
      connections: {
        '1': { is_enabled: true, is_default: false },
        '2': base.connections['2']!,
        '3': { is_enabled: true, is_default: true },
      },
    };
    const { ops, config: after } = runPlan(corporaModel, base, target, ctx, config);
    expect(ops).toEqual([
      { kind: 'connect-corpora', corpusIds: [3] },
      { kind: 'update-corpus', corpusId: 3, update: { is_default: true } },
    ]);
    expect(after.knowledge_sources.corpora.filter((c) => c.is_default).map((c) => c.corpus.id)).toEqual([3]);
  });

  it('disables a connection without touching the default', () => {
    const target = { connections: { ...base.connections, '2': { is_enabled: false, is_default: false } } };
    expect(runPlan(corporaModel, base, target, ctx, config).ops).toEqual([
      { kind: 'update-corpus', corpusId: 2, update: { is_enabled: false } },
    ]);
  });

  it('keeps my choice of default when merging with theirs', () => {
    const mine = {
      connections: {
        '1': { is_enabled: true, is_default: false },
        '2': { is_enabled: true, is_default: true },
      },
    };
    const theirs = { connections: { ...base.connections, '3': { is_enabled: true, is_default: false } } };
    const merged = corporaModel.merge(base, mine, theirs).connections;
    expect(
      Object.entries(merged)
        .filter(([, c]) => c.is_default)
        .map(([id]) => id),
    ).toEqual(['2']);
    expect(Object.keys(merged).sort()).toEqual(['1', '2', '3']);
  });
});
