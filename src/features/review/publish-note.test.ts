// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { forgetPublishNotes, readPublishNote, writePublishNote } from './publish-note';

afterEach(() => sessionStorage.clear());

describe('the unsent publish note', () => {
  it('is kept by agent, and a blank one is not kept at all', () => {
    writePublishNote(7, 'Approved by Legal');
    writePublishNote(8, 'Other agent');
    expect(readPublishNote(7)).toBe('Approved by Legal');
    expect(readPublishNote(9)).toBe('');
    writePublishNote(7, '   ');
    expect(readPublishNote(7)).toBe('');
    expect(sessionStorage.getItem('ejento.publish-note.7')).toBeNull();
  });

  it('is forgotten for every agent at once, leaving the rest of the tab’s storage', () => {
    writePublishNote(7, 'One');
    writePublishNote(8, 'Two');
    sessionStorage.setItem('ejento.session', 'kept');
    forgetPublishNotes();
    expect([readPublishNote(7), readPublishNote(8)]).toEqual(['', '']);
    expect(sessionStorage.getItem('ejento.session')).toBe('kept');
  });
});
