/** Where link tokens are kept, by hash; the DynamoDB adapter owns the keys and the expiry. */

import type { TokenRecord } from './token.js';

export interface TokenStore {
  put(token: TokenRecord): Promise<void>;
  get(tokenHash: string): Promise<TokenRecord | undefined>;
  delete(tokenHash: string): Promise<void>;
}
