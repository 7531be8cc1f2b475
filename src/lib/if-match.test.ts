import { describe, expect, it } from 'vitest';
import { partChangedSince, revisionToSend } from './if-match';

describe('revisionToSend', () => {
  it('sends the current revision when there is no draft', () => {
    expect(revisionToSend(null, { name: 'a' }, 7)).toBe(7);
  });

  it('moves a draft onto the current revision while its part is unchanged on the server', () => {
    // The user saved another section (revision 5 → 6); this section's part did not change.
    expect(revisionToSend({ base: { name: 'a' }, baseRevision: 5 }, { name: 'a' }, 6)).toBe(6);
  });

  it('keeps the draft revision once someone changed the part, so the server answers 412', () => {
    const draft = { base: { name: 'a' }, baseRevision: 5 };
    expect(revisionToSend(draft, { name: 'b' }, 6)).toBe(5);
    expect(partChangedSince(draft, { name: 'b' })).toBe(true);
    expect(partChangedSince(draft, { name: 'a' })).toBe(false);
  });
});
