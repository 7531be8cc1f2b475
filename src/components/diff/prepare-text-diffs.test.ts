import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Diff, FieldChange } from '@/api/adapter';

const lineDiffOf = vi.fn(() => new Promise(() => undefined));
vi.mock('./line-diff-client', () => ({ lineDiffOf }));
const { prepareTextDiffs } = await import('./prepare-text-diffs');

const change = (path: string, before: unknown, after: unknown): FieldChange => ({
  path,
  label: path,
  change: 'modified',
  before,
  after,
  modifiedBy: null,
  modifiedOn: null,
});

const lines = (n: number, word: string) =>
  Array.from({ length: n }, (_, i) => `${word} rule ${i + 1}`).join('\n');

describe('prepareTextDiffs', () => {
  beforeEach(() => {
    lineDiffOf.mockClear();
  });

  it('starts the worker on each long text, with the texts the text diff will show', () => {
    const prompt = change('agent_settings/prefix_prompt', lines(2_000, 'Old'), lines(2_000, 'New'));
    const config = change('tools/0/config', { rows: lines(500, 'a').split('\n') }, { rows: [] });
    const diff: Diff = {
      hasChanges: true,
      sections: [
        {
          key: 'agent_settings',
          title: 'Settings',
          changes: [prompt, change('agent_settings/agent_name', 'A', 'B')],
        },
        { key: 'tools', title: 'Tools', changes: [config] },
      ],
    };
    prepareTextDiffs(diff);
    expect(lineDiffOf).toHaveBeenCalledTimes(2);
    expect(lineDiffOf).toHaveBeenCalledWith(prompt.before, prompt.after);
    const [before, after] = lineDiffOf.mock.calls[1] as unknown as [string, string];
    expect(before).toContain('"rows"');
    expect(after).toContain('"rows"');
  });

  it('walks a diff once, however many times it is handed over', () => {
    const diff: Diff = {
      hasChanges: true,
      sections: [
        {
          key: 'agent_settings',
          title: 'Settings',
          changes: [change('agent_settings/prefix_prompt', lines(2_000, 'Old'), lines(2_000, 'New'))],
        },
      ],
    };
    prepareTextDiffs(diff);
    prepareTextDiffs(diff);
    prepareTextDiffs({ ...diff });
    expect(lineDiffOf).toHaveBeenCalledTimes(2);
  });

  it('leaves short texts to the text diff itself', () => {
    prepareTextDiffs({
      hasChanges: true,
      sections: [
        {
          key: 'agent_settings',
          title: 'Settings',
          changes: [change('agent_settings/prefix_prompt', lines(300, 'Old'), lines(300, 'New'))],
        },
      ],
    });
    expect(lineDiffOf).not.toHaveBeenCalled();
  });
});
