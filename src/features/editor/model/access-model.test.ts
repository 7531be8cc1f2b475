import { describe, expect, it } from 'vitest';
import { accessFormSchema, accessModel, heldTag, tagProblem } from './access-model';
import { configFixture } from './config-fixture';
import { runPlan } from './fake-staging';

const config = configFixture();
const base = accessModel.fromConfig(config, undefined);

describe('access and tags save plan', () => {
  it('sends the access level and the tags added and removed, through their own endpoints', () => {
    const target = { access: 'Only me' as const, tags: ['hr', 'open-enrolment'] };
    const { ops, config: after } = runPlan(accessModel, base, target, undefined, config);
    expect(ops).toEqual([
      { kind: 'access', access: 'Only me' },
      { kind: 'tags', add: ['open-enrolment'], remove: ['benefits'] },
    ]);
    expect(after.agent_settings.tags).toEqual(['hr', 'open-enrolment']);
  });

  it('sends only the tag changes when access is unchanged', () => {
    const { ops } = runPlan(accessModel, base, { ...base, tags: [...base.tags, 'new'] }, undefined, config);
    expect(ops).toEqual([{ kind: 'tags', add: ['new'], remove: [] }]);
  });

  it('treats reordered tags as no change', () => {
    expect(runPlan(accessModel, base, { ...base, tags: ['benefits', 'hr'] }, undefined, config).ops).toEqual(
      [],
    );
  });

  it('keeps the tags someone else added when keeping mine', () => {
    const mine = { ...base, tags: ['hr', 'mine'] };
    const theirs = { ...base, tags: ['hr', 'benefits', 'theirs'] };
    expect(accessModel.merge(base, mine, theirs).tags).toEqual(['hr', 'theirs', 'mine']);
  });

  it('checks each tag with the contract’s rule', () => {
    const r = accessFormSchema.safeParse({ access: 'Public', tags: ['ok', 'x'.repeat(51)] });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({
      path: ['tags', 1],
      message: 'A tag is at most 50 characters',
    });
  });

  it('says why a tag cannot be saved, counting it as it would be held', () => {
    expect(tagProblem('  spaced    tag  ')).toBeNull();
    expect(tagProblem(`${'x'.repeat(25)}     ${'y'.repeat(24)}`)).toBeNull();
    expect(tagProblem('x'.repeat(60))).toBe('Too long: 60 characters, a tag is at most 50');
    expect(tagProblem('x'.repeat(1_200))).toBe('Too long: 1,200 characters, a tag is at most 50');
  });

  it('finds the tag a typed one repeats, in any case or spacing, as its chip shows it', () => {
    expect(heldTag(['finance', '  open   enrolment '], 'Finance')).toBe('finance');
    expect(heldTag(['finance', '  open   enrolment '], ' Open Enrolment')).toBe('open enrolment');
    expect(heldTag(['finance'], 'finances')).toBeUndefined();
  });
});
