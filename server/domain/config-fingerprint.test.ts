import { describe, expect, it } from 'vitest';
import type { AgentConfig } from '../../contract';
import { canonicalConfig, configFingerprint } from './config-fingerprint';
import { diffConfigs } from './diff';
import { baseConfig } from '../testing/config-fixture';

const corpus = (id: number, isDefault = false) => ({
  corpus: { id, name: `Corpus ${id}` },
  is_enabled: true,
  is_default: isDefault,
});
const action = (id: number) => ({ id, name: `Action ${id}`, is_enabled: true, config: {} });
const tool = (id: number, actions: number[]) => ({
  tool: { id, name: `Tool ${id}`, type: 'api' },
  is_enabled: true,
  actions: actions.map(action),
});

/** The fixture with three knowledge sources, two tools and two guardrails, in a given order. */
function config(over: Partial<AgentConfig> = {}): AgentConfig {
  const base = baseConfig();
  return {
    ...base,
    agent_settings: { ...base.agent_settings, tags: ['hr', 'benefits'] },
    knowledge_sources: { corpora: [corpus(3, true), corpus(1), corpus(2)], sharepoint_folder: null },
    tools: [tool(7, [2, 1]), tool(5, [9])],
    ...over,
  };
}

describe('configFingerprint', () => {
  it('is the same whatever the order of knowledge sources, tools, actions and guardrails, as the diff finds nothing', () => {
    const a = config();
    const b = config({
      knowledge_sources: { corpora: [corpus(1), corpus(2), corpus(3, true)], sharepoint_folder: null },
      tools: [tool(5, [9]), tool(7, [1, 2])],
      guardrails: [...a.guardrails].reverse(),
    });
    expect(diffConfigs(a, b).has_changes).toBe(false);
    expect(configFingerprint(b)).toBe(configFingerprint(a));
  });

  it('differs when instructions or tags change order, as the diff shows those moves', () => {
    const a = config();
    const moved = config({ instructions: [...a.instructions].reverse() });
    const tags = config({ agent_settings: { ...a.agent_settings, tags: ['benefits', 'hr'] } });
    expect(diffConfigs(a, moved).has_changes).toBe(true);
    expect(configFingerprint(moved)).not.toBe(configFingerprint(a));
    expect(diffConfigs(a, tags).has_changes).toBe(true);
    expect(configFingerprint(tags)).not.toBe(configFingerprint(a));
  });

  it('differs when any keyed item changes', () => {
    const a = config();
    const b = config({
      knowledge_sources: { corpora: [corpus(3), corpus(1, true), corpus(2)], sharepoint_folder: null },
    });
    expect(configFingerprint(b)).not.toBe(configFingerprint(a));
  });

  it('leaves the configuration it is given as it was', () => {
    const a = config();
    const copy = structuredClone(a);
    canonicalConfig(a);
    expect(a).toEqual(copy);
  });
});
