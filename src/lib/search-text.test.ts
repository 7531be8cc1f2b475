import { describe, expect, it } from 'vitest';
import { LIMITS, agentListQuerySchema, publishListQuerySchema } from '@contract';
import { searchText } from './search-text';

describe('searchText', () => {
  it('trims, cuts to the limit and drops NUL, so the API takes whatever a link held', () => {
    expect(searchText('  hotfix\u0000 ', LIMITS.search)).toBe('hotfix');
    expect(searchText('\u0000', LIMITS.search)).toBe('');
    expect(searchText(null, LIMITS.search)).toBe('');
    const long = searchText(`${'x'.repeat(300)}\u0000`, LIMITS.search);
    expect(long).toHaveLength(LIMITS.search);
    expect(agentListQuerySchema.safeParse({ q: long }).success).toBe(true);
    expect(publishListQuerySchema.safeParse({ q: searchText('a\u0000b', LIMITS.search) }).success).toBe(true);
  });
});
