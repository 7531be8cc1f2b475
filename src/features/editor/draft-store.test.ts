// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { draftStore } from './draft-store';

afterEach(() => {
  sessionStorage.clear();
  draftStore.resetMemory();
});

const draft = (name: string) => ({
  base: { name: 'Old' },
  baseRevision: 3,
  values: { name },
  conflict: null,
});

describe('draftStore.clearAll', () => {
  it('forgets every draft of the tab, in memory and in storage, and leaves other keys alone', () => {
    sessionStorage.setItem('ejento.session', 'tokens');
    draftStore.set(7, 'settings', draft('Mine'));
    draftStore.set(8, 'access', draft('Other'));
    let notified = 0;
    const unsubscribe = draftStore.subscribe(() => (notified += 1));

    draftStore.clearAll();
    unsubscribe();

    expect(draftStore.get(7, 'settings')).toBeNull();
    expect(draftStore.get(8, 'access')).toBeNull();
    draftStore.resetMemory();
    expect(draftStore.get(7, 'settings')).toBeNull();
    expect(Object.keys(sessionStorage)).toEqual(['ejento.session']);
    expect(notified).toBe(1);
  });
});

describe('draftStore.claimFor', () => {
  it('keeps the drafts for the person who wrote them, whatever the case of their e-mail', () => {
    draftStore.claimFor('priya@example.com');
    draftStore.set(7, 'settings', draft('Mine'));
    draftStore.resetMemory();
    draftStore.claimFor(' Priya@Example.com ');
    expect(draftStore.get(7, 'settings')?.values).toEqual({ name: 'Mine' });
  });

  it('forgets another person’s drafts, in memory and in storage', () => {
    expect(draftStore.claimFor('priya@example.com')).toBe(true);
    draftStore.set(7, 'settings', draft('Mine'));
    expect(draftStore.claimFor('sam@example.com')).toBe(false);
    expect(draftStore.get(7, 'settings')).toBeNull();
    draftStore.resetMemory();
    expect(draftStore.get(7, 'settings')).toBeNull();
    // And Sam's own drafts are Sam's from then on.
    draftStore.set(7, 'settings', draft('Sam’s'));
    expect(draftStore.claimFor('sam@example.com')).toBe(true);
    expect(draftStore.get(7, 'settings')?.values).toEqual({ name: 'Sam’s' });
  });

  it('gives drafts that recorded no owner to whoever claims them first', () => {
    draftStore.set(7, 'settings', draft('Unowned'));
    draftStore.claimFor('priya@example.com');
    expect(draftStore.get(7, 'settings')?.values).toEqual({ name: 'Unowned' });
  });
});

describe('draftStore in storage', () => {
  it('keeps a draft too large for sessionStorage in memory only, and no older copy of it', () => {
    draftStore.set(7, 'settings', draft('Small'));
    expect(sessionStorage.getItem('ejento.editor-draft.7.settings')).toContain('Small');
    const huge = 'x'.repeat(5_000_000);
    draftStore.set(7, 'settings', draft(huge));
    expect(sessionStorage.getItem('ejento.editor-draft.7.settings')).toBeNull();
    expect(draftStore.get<{ name: string }>(7, 'settings')?.values.name).toBe(huge);
  });

  it('stores what was typed without its base when both would not fit', () => {
    const big = 'y'.repeat(3_000_000);
    draftStore.set(7, 'settings', {
      base: { name: big },
      baseRevision: 3,
      values: { name: `${big}!` },
      conflict: null,
    });
    const stored = JSON.parse(sessionStorage.getItem('ejento.editor-draft.7.settings') ?? '{}') as Record<
      string,
      unknown
    >;
    expect(stored).toEqual({ v: 1, baseRevision: 3, values: { name: `${big}!` } });
  });
});
