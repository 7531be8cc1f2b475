import { describe, expect, it } from 'vitest';
import { tokenPairSchema } from './auth';

const pair = { access_token: 'a', ejento_access_token: 'e', expires_in: 3600 };

describe('tokenPairSchema', () => {
  it('takes the token type in any case, as OAuth 2 allows', () => {
    for (const token_type of ['bearer', 'Bearer', 'BEARER']) {
      expect(tokenPairSchema.safeParse({ ...pair, token_type }).success).toBe(true);
    }
  });

  it('refuses a token type other than bearer', () => {
    for (const token_type of ['mac', 'bearer ', '', 'bearers']) {
      expect(tokenPairSchema.safeParse({ ...pair, token_type }).success).toBe(false);
    }
  });
});
