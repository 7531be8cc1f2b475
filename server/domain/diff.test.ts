import { describe, expect, it } from 'vitest';
import type { AgentConfig } from '../../contract';
import { baseConfig } from '../testing/config-fixture';
import { changedPaths, diffConfigs, summarise } from './diff';

const edit = (change: (c: AgentConfig) => void): AgentConfig => {
  const c = baseConfig();
  change(c);
  return c;
};

describe('diffConfigs', () => {
  it('reports no sections and has_changes false for equal configurations', () => {
    expect(diffConfigs(baseConfig(), baseConfig())).toEqual({ has_changes: false, sections: [] });
  });

  it('treats configurations that differ only in key order as equal', () => {
    const reordered = edit((c) => {
      c.tools[0]!.actions[0]!.config = { project_key: 'HR' };
      c.agent_settings = Object.fromEntries(
        Object.entries(c.agent_settings).reverse(),
      ) as AgentConfig['agent_settings'];
    });
    expect(diffConfigs(baseConfig(), reordered).has_changes).toBe(false);
  });

  it('reports only the changed settings field, with its label and both values', () => {
    const after = edit((c) => {
      c.agent_settings.prefix_prompt = 'You are a benefits assistant.\nBe concise.';
    });
    const diff = diffConfigs(baseConfig(), after);
    expect(diff.sections).toEqual([
      {
        key: 'agent_settings',
        title: 'Agent settings',
        changes: [
          {
            path: 'prefix_prompt',
            label: 'System prompt',
            change: 'modified',
            before: 'You are a benefits assistant.\nBe precise.',
            after: 'You are a benefits assistant.\nBe concise.',
          },
        ],
      },
    ]);
  });

  it('keeps sections in the fixed order whatever was edited first', () => {
    const after = edit((c) => {
      c.guardrails[1]!.enabled = true;
      c.agent_settings.agent_name = 'Benefits Guide';
      c.tools[0]!.is_enabled = false;
      c.instructions.pop();
      c.knowledge_sources.sharepoint_folder = {
        folder_url: 'https://northwind.sharepoint.com/sites/hr/Shared%20Documents',
        folder_name: 'HR',
        include_subfolders: true,
      };
    });
    expect(diffConfigs(baseConfig(), after).sections.map((s) => s.key)).toEqual([
      'agent_settings',
      'instructions',
      'knowledge_sources',
      'tools',
      'guardrails',
    ]);
  });

  it('labels instructions by position and tells added, modified and removed apart', () => {
    const after = edit((c) => {
      c.instructions = [
        { id: 10, instruction: 'Cite the policy section and its date.' },
        { id: 14, instruction: 'Offer to open a ticket.' },
        { id: 20, instruction: 'Answer in the language of the question.' },
      ];
    });
    const changes = diffConfigs(baseConfig(), after).sections[0]!.changes;
    expect(changes.map((c) => [c.path, c.label, c.change])).toEqual([
      ['instructions/10', 'Instruction 1', 'modified'],
      ['instructions/20', 'Instruction 3', 'added'],
      ['instructions/12', 'Instruction 2', 'removed'],
    ]);
    expect(changes[1]).toMatchObject({ before: null, after: 'Answer in the language of the question.' });
    expect(changes[2]).toMatchObject({ before: 'Never give medical advice.', after: null });
  });

  it('says where a changed instruction was when it moved, so no two changes read alike', () => {
    // Production: 10, 12, 14. The first is removed, the second edited: it is now number 1, as the
    // removed one was.
    const after = edit((c) => {
      c.instructions = [
        { id: 12, instruction: 'Never give medical or legal advice.' },
        { id: 14, instruction: 'Offer to open a ticket.' },
      ];
    });
    const changes = diffConfigs(baseConfig(), after).sections[0]!.changes;
    expect(changes.map((c) => [c.path, c.label, c.change])).toEqual([
      ['instructions/12', 'Instruction 1 (was 2)', 'modified'],
      ['instructions/10', 'Instruction 1', 'removed'],
    ]);
  });

  it('reports a reorder once under instructions/order and not as edits of each instruction', () => {
    const after = edit((c) => {
      c.instructions.reverse();
    });
    const changes = diffConfigs(baseConfig(), after).sections[0]!.changes;
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      path: 'instructions/order',
      label: 'Instruction order',
      before: ['Cite the policy section.', 'Never give medical advice.', 'Offer to open a ticket.'],
      after: ['Offer to open a ticket.', 'Never give medical advice.', 'Cite the policy section.'],
    });
  });

  it('does not call it a reorder when an instruction is only removed', () => {
    const after = edit((c) => {
      c.instructions.splice(1, 1);
    });
    expect(changedPaths(diffConfigs(baseConfig(), after))).toEqual(['instructions/12']);
  });

  it('names knowledge sources and the SharePoint folder with stable paths', () => {
    const after = edit((c) => {
      c.knowledge_sources.corpora[0]!.is_default = false;
      c.knowledge_sources.corpora.push({
        corpus: { id: 1300, name: 'Claims manual' },
        is_enabled: true,
        is_default: false,
      });
      c.knowledge_sources.sharepoint_folder = {
        folder_url: 'https://northwind.sharepoint.com/sites/hr/Shared%20Documents',
        folder_name: null,
        include_subfolders: false,
      };
    });
    const changes = diffConfigs(baseConfig(), after).sections[0]!.changes;
    expect(changes.map((c) => [c.path, c.label, c.change])).toEqual([
      ['knowledge_sources/corpora/1227', 'Knowledge source “HR policies”', 'modified'],
      ['knowledge_sources/corpora/1300', 'Knowledge source “Claims manual”', 'added'],
      ['knowledge_sources/sharepoint_folder', 'SharePoint folder', 'added'],
    ]);
  });

  it('ignores the order in which corpora are listed', () => {
    const after = edit((c) => {
      c.knowledge_sources.corpora.reverse();
    });
    expect(diffConfigs(baseConfig(), after).has_changes).toBe(false);
  });

  it('reports tool state, action state and action config as separate paths', () => {
    const after = edit((c) => {
      const jira = c.tools[0]!;
      jira.is_enabled = false;
      jira.actions[0]!.config = { project_key: 'PEOPLE' };
      jira.actions[1]!.is_enabled = false;
    });
    const changes = diffConfigs(baseConfig(), after).sections[0]!.changes;
    expect(changes.map((c) => [c.path, c.label])).toEqual([
      ['tools/5', 'Tool “Jira”'],
      ['tools/5/actions/9/config', 'Tool “Jira” · action “Create issue” config'],
      ['tools/5/actions/11', 'Tool “Jira” · action “Search issues”'],
    ]);
    expect(changes[1]).toMatchObject({ before: { project_key: 'HR' }, after: { project_key: 'PEOPLE' } });
  });

  it('reports a newly linked tool as one added change carrying its actions', () => {
    const after = edit((c) => {
      c.tools.push({
        tool: { id: 7, name: 'ServiceNow', type: 'servicenow' },
        is_enabled: true,
        actions: [],
      });
    });
    const changes = diffConfigs(baseConfig(), after).sections[0]!.changes;
    expect(changes).toEqual([
      {
        path: 'tools/7',
        label: 'Tool “ServiceNow”',
        change: 'added',
        before: null,
        after: { tool: { id: 7, name: 'ServiceNow', type: 'servicenow' }, is_enabled: true, actions: [] },
      },
    ]);
  });

  it('reports guardrail toggles by type', () => {
    const after = edit((c) => {
      c.guardrails[1]!.enabled = true;
    });
    expect(diffConfigs(baseConfig(), after).sections).toEqual([
      {
        key: 'guardrails',
        title: 'Guardrails',
        changes: [
          {
            path: 'guardrails/toxicity',
            label: 'Guardrail “Toxicity filter”',
            change: 'modified',
            before: { type: 'toxicity', name: 'Toxicity filter', enabled: false },
            after: { type: 'toxicity', name: 'Toxicity filter', enabled: true },
          },
        ],
      },
    ]);
  });

  it('is the mirror image when swapping sides', () => {
    const after = edit((c) => {
      c.instructions.push({ id: 30, instruction: 'Keep answers short.' });
    });
    const forward = diffConfigs(baseConfig(), after).sections[0]!.changes[0]!;
    const backward = diffConfigs(after, baseConfig()).sections[0]!.changes[0]!;
    expect([forward.change, backward.change]).toEqual(['added', 'removed']);
    expect(backward.before).toBe(forward.after);
  });

  it('reports a one-line edit of a 20,000-line system prompt as one prefix_prompt change', () => {
    const lines = Array.from(
      { length: 20_000 },
      (_, i) => `Line ${i}: follow the escalation policy for case ${i}.`,
    );
    const before = edit((c) => {
      c.agent_settings.prefix_prompt = lines.join('\n');
    });
    const after = edit((c) => {
      c.agent_settings.prefix_prompt = [...lines.slice(0, -1), 'A new last line'].join('\n');
    });
    const diff = diffConfigs(before, after);
    expect(changedPaths(diff)).toEqual(['prefix_prompt']);
    expect(diff.sections[0]?.changes[0]?.after).toBe(after.agent_settings.prefix_prompt);
  });
});

describe('summarise', () => {
  it('counts changes per section in words', () => {
    const after = edit((c) => {
      c.agent_settings.agent_name = 'Benefits Guide';
      c.agent_settings.sample_q2 = 'Can I add my partner?';
      c.tools[0]!.is_enabled = false;
    });
    expect(summarise(diffConfigs(baseConfig(), after))).toEqual({
      text: 'Agent settings: 2 changes · Tools: 1 change',
      sections: [
        { key: 'agent_settings', title: 'Agent settings', count: 2 },
        { key: 'tools', title: 'Tools', count: 1 },
      ],
    });
  });
});
