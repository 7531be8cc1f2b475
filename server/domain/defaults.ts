import type { AgentConfig, AgentSettings } from '../../contract';

export interface GuardrailDefault {
  type: string;
  name: string;
  default_enabled: boolean;
}

export const DEFAULT_SETTINGS: Omit<AgentSettings, 'agent_name' | 'llm_config' | 'agent_type'> = {
  domain: '',
  prefix_prompt: '',
  sample_q1: '',
  sample_q2: '',
  sample_q3: '',
  reasoning_mode: 'off',
  caching_enabled: true,
  react_enabled: false,
  react_max_iteration_count: 5,
  character_voice: null,
  // A new agent stays private until its owner shares it.
  access: 'Only me',
  tags: [],
};

/** A new agent's configuration: every guardrail type listed, the catalogue's defaults switched on. */
export function newAgentConfig(settings: AgentSettings, guardrails: GuardrailDefault[]): AgentConfig {
  return {
    agent_settings: settings,
    instructions: [],
    knowledge_sources: { corpora: [], sharepoint_folder: null },
    tools: [],
    guardrails: guardrails.map((g) => ({ type: g.type, name: g.name, enabled: g.default_enabled })),
  };
}
