import { describe, expect, it } from 'vitest';
import { LIMITS, publishListQuerySchema } from '@contract';
import {
  historyRefLabel,
  jsonFileName,
  parseHistoryParams,
  parseHistoryRef,
  patchParams,
} from './history-params';

describe('parseHistoryRef', () => {
  it('reads versions, live and staging', () => {
    expect(parseHistoryRef('3')).toBe(3);
    expect(parseHistoryRef('v12')).toBe(12);
    expect(parseHistoryRef('live')).toBe('live');
    expect(parseHistoryRef('production')).toBe('live');
    expect(parseHistoryRef('Staging')).toBe('staging');
  });

  it('refuses anything else', () => {
    for (const raw of ['0', '-1', '1.5', 'abc', '', '99999999999', null])
      expect(parseHistoryRef(raw)).toBeNull();
  });
});

describe('parseHistoryParams', () => {
  it('reads the selected version, the pair and the filters', () => {
    const p = parseHistoryParams(
      new URLSearchParams('version=4&from=2&to=live&by=%20ana@example.com&q=hotfix'),
    );
    expect(p).toEqual({
      version: 4,
      compare: { from: 2, to: 'live' },
      publishedBy: 'ana@example.com',
      q: 'hotfix',
      linkProblem: null,
    });
  });

  it('cuts filters to what the API takes: a link with a whole pasted note still opens the history', () => {
    const note = 'Hotfix for the holiday rota '.repeat(20);
    const p = parseHistoryParams(new URLSearchParams({ q: note, by: `${'a'.repeat(400)}@example.com` }));
    expect(p.q).toBe(note.trim().slice(0, LIMITS.search));
    expect(p.q.length).toBe(LIMITS.search);
    expect(p.publishedBy.length).toBe(LIMITS.publisherSearch);
    expect(publishListQuerySchema.safeParse({ q: p.q, published_by: p.publishedBy }).success).toBe(true);
    // NUL, which the API refuses, is left out.
    expect(parseHistoryParams(new URLSearchParams('q=%00hotfix&by=%00')).q).toBe('hotfix');
  });

  it('has no pair unless both sides are readable', () => {
    expect(parseHistoryParams(new URLSearchParams('from=2')).compare).toBeNull();
    expect(parseHistoryParams(new URLSearchParams('from=2&to=nope')).compare).toBeNull();
  });

  it('reads a parameter given twice with different values as a bad link, not as its first value', () => {
    const read = (search: string) => parseHistoryParams(new URLSearchParams(search));
    expect(read('version=2&version=3')).toMatchObject({ version: null, linkProblem: 'versions' });
    expect(read('version=2&version=2')).toMatchObject({ version: 2, linkProblem: null });
    expect(read('from=2&from=3&to=live')).toMatchObject({ compare: null, linkProblem: 'compare' });
    expect(read('from=2&to=live&to=staging')).toMatchObject({ compare: null, linkProblem: 'compare' });
    expect(read('from=2&to=live&version=1&version=4')).toMatchObject({
      compare: { from: 2, to: 'live' },
      version: null,
      linkProblem: null,
    });
  });

  it('ignores a version that is not a version', () => {
    expect(parseHistoryParams(new URLSearchParams('version=latest')).version).toBeNull();
  });

  it('says which part of a link could not be read', () => {
    const problem = (query: string) => parseHistoryParams(new URLSearchParams(query)).linkProblem;
    expect(problem('from=abc&to=xyz')).toBe('compare');
    expect(problem('from=1')).toBe('compare');
    expect(problem('to=live')).toBe('compare');
    expect(problem('version=latest')).toBe('version');
    expect(problem('version=v3')).toBeNull();
    expect(problem('from=1&to=staging')).toBeNull();
    expect(problem('by=ana@example.com&q=refund')).toBeNull();
    expect(problem('')).toBeNull();
  });
});

describe('patchParams', () => {
  it('sets, replaces and removes parameters, keeping the others', () => {
    const next = patchParams(new URLSearchParams('version=3&q=fix&by=a@b.c'), {
      version: 5,
      q: '',
      from: 'live',
    });
    expect(next.toString()).toBe('version=5&by=a%40b.c&from=live');
  });

  it('leaves the original untouched', () => {
    const original = new URLSearchParams('version=3');
    patchParams(original, { version: null });
    expect(original.get('version')).toBe('3');
  });
});

describe('historyRefLabel', () => {
  it('names each kind of ref for people', () => {
    expect(historyRefLabel('live')).toBe('Live');
    expect(historyRefLabel('staging')).toBe('Staging');
    expect(historyRefLabel(7)).toBe('Version 7');
  });
});

describe('jsonFileName', () => {
  it('makes a safe, readable name', () => {
    expect(jsonFileName('agent', 12, 'version', 3)).toBe('agent-12-version-3.json');
    expect(jsonFileName('HR Bot / “Prod”', 'diff')).toBe('hr-bot-prod-diff.json');
    expect(jsonFileName('///')).toBe('download.json');
  });
});
