import { describe, expect, it } from 'vitest';
import {
  changedSections,
  isViewed,
  parseViewedMarks,
  signatureSize,
  sectionSignature,
  toggleViewed,
  viewedCount,
} from './viewed-marks';

const change = (after: unknown, extra: Record<string, unknown> = {}) => ({
  path: 'prefix_prompt',
  change: 'modified',
  before: 'old',
  after,
  ...extra,
});

describe('sectionSignature', () => {
  it('is the same for the same changes', () => {
    expect(sectionSignature([change('new')])).toBe(sectionSignature([change('new')]));
  });

  it('differs when any value of the section changes', () => {
    expect(sectionSignature([change('new')])).not.toBe(sectionSignature([change('newer')]));
  });

  it('differs when a change is added to the section', () => {
    expect(sectionSignature([change('new')])).not.toBe(
      sectionSignature([change('new'), { path: 'tags', change: 'modified', before: [], after: ['a'] }]),
    );
  });

  it('ignores who changed it and when: a re-save of the same value needs no second look', () => {
    expect(sectionSignature([change('new', { modifiedBy: 'a@example.com' })])).toBe(
      sectionSignature([change('new', { modifiedBy: 'b@example.com', modifiedOn: '2026-01-01' })]),
    );
  });

  it('does not depend on the key order of object values', () => {
    expect(sectionSignature([change({ a: 1, b: 2 })])).toBe(sectionSignature([change({ b: 2, a: 1 })]));
  });
});

describe('viewed marks', () => {
  const current = { agent_settings: 'sig-a', tools: 'sig-t' };

  it('marks a section viewed for the changes it has now', () => {
    const marks = toggleViewed({}, 'tools', 'sig-t', current);
    expect(isViewed(marks, 'tools', 'sig-t')).toBe(true);
    expect(viewedCount(marks, current)).toBe(1);
  });

  it('clears itself when the section’s changes differ from what was viewed', () => {
    const marks = toggleViewed({}, 'tools', 'sig-t', current);
    expect(isViewed(marks, 'tools', 'sig-t2')).toBe(false);
    expect(viewedCount(marks, { ...current, tools: 'sig-t2' })).toBe(0);
  });

  it('unmarks a section marked for its current changes', () => {
    const marked = toggleViewed({}, 'tools', 'sig-t', current);
    const unmarked = toggleViewed(marked, 'tools', 'sig-t', current);
    expect(isViewed(unmarked, 'tools', 'sig-t')).toBe(false);
  });

  it('marks again (rather than unmarks) a section whose old mark went stale', () => {
    const stale = { tools: 'sig-old' };
    expect(isViewed(toggleViewed(stale, 'tools', 'sig-t', current), 'tools', 'sig-t')).toBe(true);
  });

  it('keeps the mark of a section whose signature is still being computed', () => {
    const marks = { agent_settings: 'sig-a' };
    expect(toggleViewed(marks, 'tools', 'sig-t', { agent_settings: null, tools: 'sig-t' })).toEqual({
      agent_settings: 'sig-a',
      tools: 'sig-t',
    });
  });

  it('drops stale marks of other sections when saving, keeping valid ones', () => {
    const marks = { agent_settings: 'sig-a', guardrails: 'gone', tools: 'old' };
    expect(toggleViewed(marks, 'tools', 'sig-t', current)).toEqual({
      agent_settings: 'sig-a',
      tools: 'sig-t',
    });
  });
});

describe('changedSections', () => {
  it('names sections whose changes differ, appeared or vanished', () => {
    expect(
      changedSections(
        { agent_settings: 'a', tools: 't', guardrails: 'g' },
        { agent_settings: 'a', tools: 't2', instructions: 'i' },
      ).sort(),
    ).toEqual(['guardrails', 'instructions', 'tools']);
  });
});

describe('signatureSize', () => {
  it('counts the text a signature must read, so large sections can be signed elsewhere', () => {
    expect(signatureSize([{ path: 'p', change: 'modified', before: 'abc', after: 'abcd' }])).toBe(7);
    expect(signatureSize([{ path: 'p', change: 'added', before: null, after: { a: 1 } }])).toBe(64);
  });
});

describe('parseViewedMarks', () => {
  it('reads stored marks and drops anything malformed', () => {
    expect(parseViewedMarks('{"tools":"x","bad":3}')).toEqual({ tools: 'x' });
    expect(parseViewedMarks('not json')).toEqual({});
    expect(parseViewedMarks('[1]')).toEqual({});
    expect(parseViewedMarks(null)).toEqual({});
  });
});
