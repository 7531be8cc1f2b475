import type { AgentConfig } from '../../contract';
import { fingerprint } from './fingerprint';

const byNumber =
  <T>(key: (item: T) => number) =>
  (a: T, b: T) =>
    key(a) - key(b);

/**
 * A configuration with its keyed collections in one order: knowledge sources by corpus id, tools
 * by tool id and their actions by id, guardrails by type. The diff matches those by key, so their
 * order is not part of what an agent is: a knowledge source disconnected and connected again
 * comes back last, and staging must still equal production. Instructions keep their order (it
 * is what the model reads), and so do tags (as the diff shows them).
 */
export function canonicalConfig(config: AgentConfig): AgentConfig {
  return {
    ...config,
    knowledge_sources: {
      ...config.knowledge_sources,
      corpora: [...config.knowledge_sources.corpora].sort(byNumber((c) => c.corpus.id)),
    },
    tools: [...config.tools]
      .sort(byNumber((t) => t.tool.id))
      .map((t) => ({ ...t, actions: [...t.actions].sort(byNumber((a) => a.id)) })),
    guardrails: [...config.guardrails].sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0)),
  };
}

/**
 * The fingerprint of a configuration: equal exactly when the diff finds nothing between two
 * configurations, so "unpublished changes", the refusal of an empty publish and the diff agree.
 */
export function configFingerprint(config: AgentConfig): string {
  return fingerprint(canonicalConfig(config));
}
