import { describe, expect, it } from 'vitest';
import { CHANGE, diffLines } from './line-diff';
import {
  classifyChange,
  fieldRows,
  formatFieldValue,
  formatScalar,
  formatTimestamp,
  humanizeKey,
  isPromptPath,
  itemConfigs,
  listChanges,
  refName,
  onlyReordered,
  toDiffText,
} from './format-value';

describe('classifyChange', () => {
  it('shows the system prompt, description and sample questions as text diffs however short', () => {
    expect(classifyChange('prefix_prompt', 'Be kind.', 'Be kinder.')).toBe('text');
    expect(classifyChange('domain', 'HR', 'People')).toBe('text');
    expect(classifyChange('sample_q2', 'Hi?', 'Hello?')).toBe('text');
  });

  it('shows an instruction as a text diff, also when it is added or removed', () => {
    expect(classifyChange('instructions/12', null, 'Always cite the policy.')).toBe('text');
    expect(classifyChange('instructions/12', 'Always cite the policy.', null)).toBe('text');
  });

  it('reads booleans, numbers, short strings and references as "production → staging"', () => {
    expect(classifyChange('caching_enabled', false, true)).toBe('scalar');
    expect(classifyChange('react_max_iteration_count', 5, 8)).toBe('scalar');
    expect(classifyChange('access', 'Public', 'Only me')).toBe('scalar');
    expect(
      classifyChange('llm_config', { id: 1, model_name: 'gpt-4o' }, { id: 2, model_name: 'gpt-4.1' }),
    ).toBe('scalar');
    expect(classifyChange('character_voice', null, 'alloy')).toBe('scalar');
  });

  it('treats a short string field with a line break or over 80 characters as text', () => {
    expect(classifyChange('agent_name', 'a', 'b\nc')).toBe('text');
    expect(classifyChange('agent_name', 'a', 'x'.repeat(81))).toBe('text');
  });

  it('shows a list of short items with items added or removed as chips', () => {
    expect(classifyChange('tags', ['hr'], ['hr', 'policy'])).toBe('list');
  });

  it('shows a list whose items only moved as a line diff, since chips would show nothing', () => {
    expect(classifyChange('instructions/order', ['a', 'b'], ['b', 'a'])).toBe('text');
  });

  it('shows an action config as JSON even when it is flat', () => {
    expect(classifyChange('tools/5/actions/9/config', { a: 1 }, { a: 2 })).toBe('json');
  });

  it('shows flat objects member by member, added or removed ones too, and nested objects as JSON', () => {
    const g = (enabled: boolean) => ({ type: 'pii', name: 'PII', enabled });
    expect(classifyChange('guardrails/pii', g(false), g(true))).toBe('fields');
    expect(classifyChange('guardrails/pii', null, g(true))).toBe('fields');
    const tool = {
      tool: { id: 5, name: 'Web search' },
      is_enabled: true,
      actions: [{ id: 9, name: 'Search', is_enabled: true, config: { top: 3 } }],
    };
    expect(classifyChange('tools/5', null, tool)).toBe('fields');
    const corpus = { corpus: { id: 1, name: 'HR' }, is_enabled: true, is_default: false, extra: { a: 1 } };
    expect(classifyChange('knowledge_sources/corpora/1', corpus, { ...corpus, is_enabled: false })).toBe(
      'json',
    );
  });
});

describe('formatFieldValue', () => {
  it('names a choice as the editor offers it, and leaves other fields’ values as they are', () => {
    expect(formatFieldValue('reasoning_mode', 'high')).toBe('High');
    expect(formatFieldValue('character_voice', 'ash')).toBe('Ash');
    expect(formatFieldValue('character_voice', null)).toBe('None');
    expect(formatFieldValue('agent_name', 'ash')).toBe('ash');
    expect(formatFieldValue('caching_enabled', true)).toBe('On');
  });
});

describe('formatScalar', () => {
  it('reads booleans as On and Off, and missing values as None', () => {
    expect(formatScalar(true)).toBe('On');
    expect(formatScalar(false)).toBe('Off');
    expect(formatScalar(null)).toBe('None');
  });

  it('reads an empty string as Empty rather than nothing', () => {
    expect(formatScalar('')).toBe('Empty');
  });

  it('reads a reference as its name and numbers with separators', () => {
    expect(formatScalar({ id: 3, model_name: 'gpt-4o' })).toBe('gpt-4o');
    expect(formatScalar({ id: 3, name: 'Assistant' })).toBe('Assistant');
    expect(formatScalar(12000)).toBe('12,000');
  });

  it('falls back to compact, key-sorted JSON for anything else', () => {
    expect(formatScalar({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
  });
});

describe('refName', () => {
  it('only treats objects of an id and a name (and a tool’s type) as references', () => {
    expect(refName({ id: 1, name: 'x', extra: true })).toBeNull();
    expect(refName({ id: 1, name: 'Web search', type: 'search' })).toBe('Web search');
    expect(refName({ name: 'x' })).toBeNull();
    expect(refName('x')).toBeNull();
  });
});

describe('toDiffText', () => {
  it('gives a missing side as empty text so an addition shows as all added', () => {
    expect(toDiffText('text', null)).toBe('');
  });

  it('puts list items one a line, each marked alike, so a move marks only the moved item', () => {
    expect(toDiffText('text', ['b', 'a'])).toBe('• b\n• a');
  });

  it('lets a line diff mark only the item that moved', () => {
    const before = ['Greet the member.', 'Cite the plan.', 'Be brief.', 'Escalate refunds.'];
    const after = ['Escalate refunds.', 'Greet the member.', 'Cite the plan.', 'Be brief.'];
    const { runs } = diffLines(toDiffText('text', before), toDiffText('text', after));
    const changed: number[][] = [];
    for (let r = 0; r < runs.length; r += 5)
      if (runs[r] === CHANGE) changed.push([runs[r + 2]!, runs[r + 4]!]);
    // One line taken out (at the end), one put in (at the start); the other three unchanged.
    expect(changed).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  it('tells a reorder of the same items from any other change of a list', () => {
    expect(onlyReordered(['a', 'b', 'b'], ['b', 'a', 'b'])).toBe(true);
    expect(onlyReordered(['a', 'b'], ['a', 'b'])).toBe(false);
    expect(onlyReordered(['a', 'b', 'b'], ['a', 'a', 'b'])).toBe(false);
    expect(onlyReordered(['a', 'b'], ['b', 'a', 'c'])).toBe(false);
    expect(onlyReordered('ab', 'ba')).toBe(false);
  });

  it('prints objects as JSON with a stable key order', () => {
    expect(toDiffText('json', { z: 1, a: 2 })).toBe('{\n  "a": 2,\n  "z": 1\n}');
  });
});

describe('listChanges', () => {
  it('lists the items on one side only, and the ones kept', () => {
    expect(listChanges(['hr', 'legal', 'hr'], ['hr', 'policy'])).toEqual({
      added: ['policy'],
      removed: ['legal'],
      kept: ['hr'],
    });
  });

  it('treats a missing list as empty', () => {
    expect(listChanges(null, ['a'])).toEqual({ added: ['a'], removed: [], kept: [] });
  });
});

describe('fieldRows', () => {
  it('puts changed members first and marks the others unchanged', () => {
    const rows = fieldRows({ name: 'PII', enabled: false }, { name: 'PII', enabled: true });
    expect(rows).toEqual([
      { key: 'enabled', before: 'Off', after: 'On', changed: true },
      { key: 'name', before: 'PII', after: 'PII', changed: false },
    ]);
  });

  it('reads an added item by names, without its internal ids', () => {
    const tool = {
      id: 5,
      tool: { id: 5, name: 'Web search', type: 'search' },
      is_enabled: true,
      actions: [
        { id: 9, name: 'Search', is_enabled: true, config: { top: 3 } },
        { id: 10, name: 'Fetch page', is_enabled: false, config: {} },
      ],
    };
    expect(fieldRows(null, tool).map((r) => [r.key, r.after])).toEqual([
      ['actions', 'Search (On), Fetch page (Off)'],
      ['is_enabled', 'On'],
      ['tool', 'Web search'],
    ]);
  });
});

describe('itemConfigs', () => {
  const jira = (config: Record<string, unknown>) => ({
    tool: { id: 5, name: 'Jira', type: 'jira' },
    is_enabled: true,
    actions: [
      { id: 9, name: 'Create issue', is_enabled: true, config },
      { id: 10, name: 'Search issues', is_enabled: true, config: { max_results: 10 } },
    ],
  });

  it('gives every action config of a tool added, as pretty key-sorted JSON, since they go live with it', () => {
    expect(itemConfigs(null, jira({ project_key: 'HELP', labels: ['ejento'] }))).toEqual([
      {
        key: 'actions/9',
        label: 'Action “Create issue” config',
        before: '',
        after: '{\n  "labels": [\n    "ejento"\n  ],\n  "project_key": "HELP"\n}',
      },
      {
        key: 'actions/10',
        label: 'Action “Search issues” config',
        before: '',
        after: '{\n  "max_results": 10\n}',
      },
    ]);
  });

  it('gives every action config of a tool removed on the before side', () => {
    const configs = itemConfigs(jira({ priority: 'Medium' }), null);
    expect(configs.map((c) => [c.label, c.before, c.after])).toEqual([
      ['Action “Create issue” config', '{\n  "priority": "Medium"\n}', ''],
      ['Action “Search issues” config', '{\n  "max_results": 10\n}', ''],
    ]);
  });

  it('gives only the configs that differ of a tool changed, and none for objects without them', () => {
    expect(itemConfigs(jira({ priority: 'Medium' }), jira({ priority: 'High' })).map((c) => c.key)).toEqual([
      'actions/9',
    ]);
    expect(itemConfigs({ name: 'PII', enabled: false }, { name: 'PII', enabled: true })).toEqual([]);
  });
});

describe('small readers', () => {
  it('recognises the system prompt and instructions as prompts, but not the instruction order', () => {
    expect(isPromptPath('prefix_prompt')).toBe(true);
    expect(isPromptPath('instructions/4')).toBe(true);
    expect(isPromptPath('instructions/order')).toBe(false);
    expect(isPromptPath('domain')).toBe(false);
  });

  it('humanizes wire member names', () => {
    expect(humanizeKey('is_enabled')).toBe('Is enabled');
  });

  it('formats timestamps in UTC and leaves unreadable ones as given', () => {
    expect(formatTimestamp('2026-11-28T19:43:15.123456Z')).toBe('28 Nov 2026, 19:43 UTC');
    expect(formatTimestamp('yesterday')).toBe('yesterday');
  });
});
