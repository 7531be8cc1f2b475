import { describe, expect, it } from 'vitest';
import { agentConfigReadSchema, agentConfigSchema, agentDetailWireSchema } from './agent';

/** A configuration as a tenant may already hold it: saved by rules other than this console's. */
const tenantConfig = {
  agent_settings: {
    agent_name: 'Payroll\tbot '.repeat(40),
    domain: 'Answers payroll questions\u0007',
    prefix_prompt: 'Be brief.\u0000',
    sample_q1: 'A question\u001b',
    sample_q2: '',
    sample_q3: '',
    agent_type: null,
    llm_config: null,
    reasoning_mode: 'off',
    caching_enabled: false,
    react_enabled: false,
    react_max_iteration_count: 80,
    character_voice: null,
    access: 'Public',
    tags: ['', 'x'.repeat(200)],
  },
  instructions: [{ id: 1, instruction: '' }],
  knowledge_sources: {
    corpora: [],
    sharepoint_folder: {
      folder_url: 'https://files.contoso.example/hr',
      folder_name: 'HR\t2024',
      include_subfolders: true,
    },
  },
  tools: [],
  guardrails: [],
};

describe('read forms', () => {
  it('read what a tenant holds even when this console would not write it', () => {
    expect(agentConfigSchema.safeParse(tenantConfig).success).toBe(false);
    const read = agentConfigReadSchema.parse(tenantConfig);
    // Nothing is trimmed or changed on the way in: the editor shows exactly what is there.
    expect(read.agent_settings.agent_name).toBe(tenantConfig.agent_settings.agent_name);
    expect(read.knowledge_sources.sharepoint_folder?.folder_url).toBe('https://files.contoso.example/hr');
  });

  it('still check the shape', () => {
    const wrong = (patch: object) => ({
      ...tenantConfig,
      agent_settings: { ...tenantConfig.agent_settings, ...patch },
    });
    expect(agentConfigReadSchema.safeParse(wrong({ agent_name: 7 })).success).toBe(false);
    expect(agentConfigReadSchema.safeParse(wrong({ access: 'Everyone' })).success).toBe(false);
    expect(agentConfigReadSchema.safeParse(wrong({ react_max_iteration_count: 1.5 })).success).toBe(false);
    expect(agentConfigReadSchema.safeParse(wrong({ tags: [3] })).success).toBe(false);
    expect(agentConfigReadSchema.safeParse({ ...tenantConfig, instructions: [{ id: 1 }] }).success).toBe(
      false,
    );
  });

  it('are what the agent read uses', () => {
    const { agent_settings, ...rest } = tenantConfig;
    const wire = {
      ...agent_settings,
      ...rest,
      id: 3,
      project: { id: 1, name: 'HR' },
      environment: 'staging',
      has_unpublished_changes: false,
      staging_revision: 4,
      live_version: 2,
      last_published_on: null,
      staging_rolled_back_to: null,
      created_by: 'ann@example.com',
      created_on: '2026-01-05T10:00:00Z',
      modified_by: 'ann@example.com',
      modified_on: '2026-01-05T10:00:00Z',
    };
    expect(agentDetailWireSchema.safeParse(wire).error?.issues ?? []).toEqual([]);
  });
});
