// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { forgetPublishNotes, readPublishNote, writePublishNote } from './publish-note';

afterEach(() => sessionStorage.clear());

describe('the unsent publish note', () => {
  it('is kept by agent with the changes it was written for, and a blank one is not kept at all', () => {
    writePublishNote(7, 'Approved by Legal', 'fp-1');
    writePublishNote(8, 'Other agent', 'fp-9');
    expect(readPublishNote(7)).toEqual({ note: 'Approved by Legal', writtenFor: 'fp-1' });
    expect(readPublishNote(9)).toEqual({ note: '', writtenFor: null });
    writePublishNote(7, '   ', 'fp-2');
    expect(readPublishNote(7)).toEqual({ note: '', writtenFor: null });
    expect(sessionStorage.getItem('ejento.publish-note.7')).toBeNull();
  });

  it('reads a note kept as plain text, or as JSON of another shape, as the note itself', () => {
    sessionStorage.setItem('ejento.publish-note.7', 'Approved by Legal');
    sessionStorage.setItem('ejento.publish-note.8', '{"text":"x"}');
    sessionStorage.setItem('ejento.publish-note.9', '{"note":"Ship it","writtenFor":12}');
    expect(readPublishNote(7)).toEqual({ note: 'Approved by Legal', writtenFor: null });
    expect(readPublishNote(8)).toEqual({ note: '{"text":"x"}', writtenFor: null });
    expect(readPublishNote(9)).toEqual({ note: 'Ship it', writtenFor: null });
  });

  it('is forgotten for every agent at once, leaving the rest of the tab’s storage', () => {
    writePublishNote(7, 'One');
    writePublishNote(8, 'Two');
    sessionStorage.setItem('ejento.session', 'kept');
    forgetPublishNotes();
    expect([readPublishNote(7).note, readPublishNote(8).note]).toEqual(['', '']);
    expect(sessionStorage.getItem('ejento.session')).toBe('kept');
  });
});
