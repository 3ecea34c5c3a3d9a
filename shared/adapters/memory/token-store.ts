import type { TokenStore } from '../../tokens/ports.js';
import type { TokenRecord } from '../../tokens/token.js';
import { copy } from './copy.js';

/** Tokens by hash. Never swept: readers check expiresAt themselves, as they must with DynamoDB's late TTL. */
export function createMemoryTokenStore(): TokenStore {
  const tokens = new Map<string, TokenRecord>();
  return {
    async put(token) {
      tokens.set(token.tokenHash, copy(token));
    },
    async get(tokenHash) {
      const token = tokens.get(tokenHash);
      return token && copy(token);
    },
    async delete(tokenHash) {
      tokens.delete(tokenHash);
    },
  };
}
