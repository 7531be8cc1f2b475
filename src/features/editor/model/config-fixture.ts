import type { AgentConfig } from '@contract';

/** Test support: a staging configuration with something in every section. */
export function configFixture(over: Partial<AgentConfig> = {}): AgentConfig {
  return {
    agent_settings: {
      agent_name: 'Benefits Navigator',
      domain: 'Answers benefits questions.',
      prefix_prompt: 'You are helpful.',
      sample_q1: 'What is covered?',
      sample_q2: '',
      sample_q3: '',
      agent_type: { id: 1, name: 'Retrieval' },
      llm_config: { id: 3, model_name: 'gpt-4o' },
      reasoning_mode: 'low',
      caching_enabled: true,
      react_enabled: false,
      react_max_iteration_count: 5,
      character_voice: null,
      access: 'Public',
      tags: ['hr', 'benefits'],
    },
    instructions: [
      { id: 11, instruction: 'Cite the plan year.' },
      { id: 12, instruction: 'Never choose a plan for someone.' },
    ],
    knowledge_sources: {
      corpora: [
        { corpus: { id: 1, name: 'Benefits guide' }, is_enabled: true, is_default: true },
        { corpus: { id: 2, name: 'HR policies' }, is_enabled: true, is_default: false },
      ],
      sharepoint_folder: null,
    },
    tools: [
      {
        tool: { id: 5, name: 'Microsoft 365', type: 'msgraph' },
        is_enabled: true,
        actions: [
          { id: 9, name: 'Send email', is_enabled: true, config: { from: 'hr@example.com' } },
          { id: 10, name: 'Search people', is_enabled: false, config: { max_results: 5 } },
        ],
      },
    ],
    guardrails: [
      { type: 'pii', name: 'PII redaction', enabled: true },
      { type: 'toxicity', name: 'Toxicity filter', enabled: false },
    ],
    ...over,
  };
}
