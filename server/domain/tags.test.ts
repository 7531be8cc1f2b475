import { describe, expect, it } from 'vitest';
import { addTags, removeTags } from './tags';

// A tag stored before no-break and thin spaces counted as spaces keeps them as it was written.
const heldWithNoBreakSpace = 'open\u00a0enrolment';

describe('tags held as written before the rule took no-break spaces as spaces', () => {
  it('are removed by the tag as the console shows it', () => {
    expect(removeTags([heldWithNoBreakSpace, 'hr'], ['open enrolment'])).toEqual(['hr']);
    expect(removeTags([heldWithNoBreakSpace], [heldWithNoBreakSpace])).toEqual([]);
  });

  it('are not added a second time in another spelling', () => {
    expect(addTags([heldWithNoBreakSpace], ['Open  Enrolment', 'open\u2009enrolment'])).toEqual([
      heldWithNoBreakSpace,
    ]);
  });
});
