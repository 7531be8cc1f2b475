import type { AgentConfig } from '../../contract';

/** A small, whole agent configuration for the sandbox's unit tests; each call a fresh copy. */
export function baseConfig(): AgentConfig {
  return {
    agent_settings: {
      agent_name: 'Benefits Navigator',
      domain: 'Answers benefits questions',
      prefix_prompt: 'You are a benefits assistant.\nBe precise.',
      sample_q1: 'What is my deductible?',
      sample_q2: '',
      sample_q3: '',
      agent_type: { id: 1, name: 'Conversational' },
      llm_config: { id: 2, model_name: 'gpt-4o' },
      reasoning_mode: 'off',
      caching_enabled: true,
      react_enabled: false,
      react_max_iteration_count: 5,
      character_voice: null,
      access: 'Public',
      tags: ['hr'],
    },
    instructions: [
      { id: 10, instruction: 'Cite the policy section.' },
      { id: 12, instruction: 'Never give medical advice.' },
      { id: 14, instruction: 'Offer to open a ticket.' },
    ],
    knowledge_sources: {
      corpora: [
        { corpus: { id: 1227, name: 'HR policies' }, is_enabled: true, is_default: true },
        { corpus: { id: 1213, name: 'Benefits guide 2026' }, is_enabled: true, is_default: false },
      ],
      sharepoint_folder: null,
    },
    tools: [
      {
        tool: { id: 5, name: 'Jira', type: 'jira' },
        is_enabled: true,
        actions: [
          { id: 9, name: 'Create issue', is_enabled: true, config: { project_key: 'HR' } },
          { id: 11, name: 'Search issues', is_enabled: true, config: {} },
        ],
      },
    ],
    guardrails: [
      { type: 'pii', name: 'PII redaction', enabled: true },
      { type: 'toxicity', name: 'Toxicity filter', enabled: false },
    ],
  };
}
