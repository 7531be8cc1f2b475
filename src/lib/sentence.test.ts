import { describe, expect, it } from 'vitest';
import { asSentence } from './sentence';

describe('asSentence', () => {
  it('ends a message with a full stop, unless it ends as a sentence already', () => {
    expect(asSentence('Your role cannot roll back agents')).toBe('Your role cannot roll back agents.');
    expect(asSentence('Nothing was changed. ')).toBe('Nothing was changed.');
    for (const ended of ['Saved!', 'Really?', 'Wait…']) expect(asSentence(ended)).toBe(ended);
  });
});
