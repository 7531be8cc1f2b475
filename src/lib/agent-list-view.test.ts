import { describe, expect, it } from 'vitest';
import {
  DEFAULT_AGENT_LIST_VIEW,
  agentListHref,
  agentListSearch,
  changeAgentListView,
  forgetAgentListView,
  hasAgentListFilters,
  parseAgentListView,
  rememberAgentListView,
} from './agent-list-view';

const parse = (search: string) => parseAgentListView(new URLSearchParams(search));

describe('parseAgentListView', () => {
  it('reads search, project, unpublished and page from the URL', () => {
    expect(parse('q=support&project=3&unpublished=1&page=2')).toEqual({
      q: 'support',
      projectId: 3,
      unpublishedOnly: true,
      page: 2,
    });
  });

  it('gives the plain list for an empty URL', () => {
    expect(parse('')).toEqual(DEFAULT_AGENT_LIST_VIEW);
  });

  it('ignores malformed values instead of failing', () => {
    expect(parse('project=abc&page=-2&unpublished=yes')).toEqual(DEFAULT_AGENT_LIST_VIEW);
    expect(parse('project=1.5&page=0')).toEqual(DEFAULT_AGENT_LIST_VIEW);
    expect(parse('page=99999999999999999999').page).toBe(1);
  });

  it('trims the search and caps it at 200 characters', () => {
    expect(parse('q=%20%20hr%20').q).toBe('hr');
    // NUL, which the API refuses (the whole list with it), is left out.
    expect(parse('q=h%00r').q).toBe('hr');
    expect(parse(`q=${'a'.repeat(300)}`).q).toHaveLength(200);
  });

  it('accepts unpublished=true as well as 1', () => {
    expect(parse('unpublished=true').unpublishedOnly).toBe(true);
    expect(parse('unpublished=0').unpublishedOnly).toBe(false);
  });
});

describe('agentListSearch', () => {
  it('leaves defaults out so the plain list has a plain URL', () => {
    expect(agentListSearch(DEFAULT_AGENT_LIST_VIEW)).toBe('');
  });

  it('writes every non-default part', () => {
    expect(agentListSearch({ q: 'hr bot', projectId: 4, unpublishedOnly: true, page: 3 })).toBe(
      'q=hr+bot&project=4&unpublished=1&page=3',
    );
  });

  it('round-trips through parse', () => {
    const view = { q: 'Café “quotes” & more', projectId: 12, unpublishedOnly: false, page: 7 };
    expect(parse(agentListSearch(view))).toEqual(view);
  });
});

describe('changeAgentListView', () => {
  const onPage3 = { q: 'bot', projectId: 2, unpublishedOnly: false, page: 3 };

  it('goes back to the first page when the search changes', () => {
    expect(changeAgentListView(onPage3, { q: 'bots' })).toEqual({ ...onPage3, q: 'bots', page: 1 });
  });

  it('goes back to the first page when a filter changes', () => {
    expect(changeAgentListView(onPage3, { unpublishedOnly: true }).page).toBe(1);
    expect(changeAgentListView(onPage3, { projectId: null }).page).toBe(1);
  });

  it('keeps the page when nothing listed changes', () => {
    expect(changeAgentListView(onPage3, { q: ' bot ' })).toBe(onPage3);
  });

  it('moves to another page without touching the filters', () => {
    expect(changeAgentListView(onPage3, { page: 5 })).toEqual({ ...onPage3, page: 5 });
    expect(changeAgentListView(onPage3, { page: 0 }).page).toBe(1);
  });
});

describe('hasAgentListFilters', () => {
  it('is false for the plain list, whatever the page', () => {
    expect(hasAgentListFilters({ ...DEFAULT_AGENT_LIST_VIEW, page: 4 })).toBe(false);
  });

  it('is true when any filter is set', () => {
    expect(hasAgentListFilters({ ...DEFAULT_AGENT_LIST_VIEW, q: 'x' })).toBe(true);
    expect(hasAgentListFilters({ ...DEFAULT_AGENT_LIST_VIEW, projectId: 1 })).toBe(true);
    expect(hasAgentListFilters({ ...DEFAULT_AGENT_LIST_VIEW, unpublishedOnly: true })).toBe(true);
  });
});

describe('the way back to the list', () => {
  it('returns to the list as it was last left, until someone signs in or out', () => {
    expect(agentListHref()).toBe('/agents');
    rememberAgentListView({ ...DEFAULT_AGENT_LIST_VIEW, q: 'claims', projectId: 3, page: 2 });
    expect(agentListHref()).toBe('/agents?q=claims&project=3&page=2');
    forgetAgentListView();
    expect(agentListHref()).toBe('/agents');
  });
});
