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
