import { describe, expect, it } from 'vitest';
import { revertOutcome } from './revert-outcome';

const preview = (staging: boolean, production: boolean) => ({
  version: 3,
  staging: { hasChanges: staging },
  production: { hasChanges: production },
});

describe('revertOutcome', () => {
  it('says there is nothing to revert when the live version is also staged', () => {
    const o = revertOutcome(preview(false, false), true);
    expect(o.kind).toBe('nothing-to-revert');
    expect(o.changesStaging).toBe(false);
    expect(o.sentence).toBe('Version 3 is what is live and staging equals it: nothing to revert.');
  });

  it('says the same of an older version whose configuration is live again', () => {
    const o = revertOutcome(preview(false, false), false);
    expect(o.kind).toBe('nothing-to-revert');
    expect(o.sentence).toMatch(/Live and staging both already hold the configuration of version 3/);
  });

  it('explains that reverting to the live version only discards staging edits', () => {
    const o = revertOutcome(preview(true, false), true);
    expect(o.kind).toBe('discard-only');
    expect(o.changesStaging).toBe(true);
    expect(o.sentence).toMatch(/^Version 3 is what is live\. Reverting only discards/);
  });

  it('refuses a revert that staging already holds', () => {
    const o = revertOutcome(preview(false, true), false);
    expect(o.kind).toBe('already-staged');
    expect(o.changesStaging).toBe(false);
    expect(o.sentence).toMatch(/Staging already equals version 3/);
  });

  it('describes an ordinary revert as a change to staging only', () => {
    const o = revertOutcome(preview(true, true), false);
    expect(o.kind).toBe('revert');
    expect(o.changesStaging).toBe(true);
    expect(o.sentence).toMatch(/Production stays as it is until staging is published/);
  });
});
