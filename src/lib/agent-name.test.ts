import { describe, expect, it } from 'vitest';
import { agentSummary } from '@/test/agent-fixtures';
import { findSameNameAgent, isSameAgentName } from './agent-name';

describe('isSameAgentName', () => {
  it('takes names differing only in case and spacing for one', () => {
    expect(isSameAgentName('Care Finder', '  care   FINDER ')).toBe(true);
    expect(isSameAgentName('Ärztin', 'ärztin')).toBe(true);
  });

  it('tells apart names that differ in a word, a letter or an accent', () => {
    expect(isSameAgentName('Care Finder', 'Care Finder 2')).toBe(false);
    expect(isSameAgentName('Care Finder', 'CareFinder')).toBe(false);
    expect(isSameAgentName('Resume helper', 'Résumé helper')).toBe(false);
  });
});

describe('findSameNameAgent', () => {
  const agents = [
    agentSummary({ id: 1, name: 'Care Finder Plus', project: { id: 101, name: 'Care Navigation' } }),
    agentSummary({ id: 2, name: 'Care Finder', project: { id: 102, name: 'Member Support' } }),
    agentSummary({ id: 3, name: 'Care Finder', project: { id: 101, name: 'Care Navigation' } }),
  ];

  it('finds the agent of the same project with the same name, not one that only contains it', () => {
    expect(findSameNameAgent(agents, 'care finder', 101)?.id).toBe(3);
  });

  it('finds nothing when only another project has the name', () => {
    expect(findSameNameAgent(agents.slice(0, 2), 'Care Finder', 101)).toBeNull();
  });

  it('leaves out the agent being renamed, which may keep its own name', () => {
    expect(findSameNameAgent(agents, 'Care Finder', 101, 3)).toBeNull();
    expect(findSameNameAgent(agents, 'Care Finder', 101, 1)?.id).toBe(3);
  });
});
