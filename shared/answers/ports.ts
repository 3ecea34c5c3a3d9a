/** The answer store and the answer page's one read; the DynamoDB adapters own the keys and shards. */

import type { Page } from '../common-ports.js';
import type { Round } from '../rounds/round.js';
import type { TokenRecord } from '../tokens/token.js';
import type { StoredAnswer } from './answer.js';

export interface AnswerStore {
  /** Writes or replaces the answer under its key. */
  put(answer: StoredAnswer): Promise<void>;
  /** A round's answers a page at a time, in no particular order; page on with the cursor until none. */
  page(roundId: string, cursor: string | undefined, limit: number): Promise<Page<StoredAnswer>>;
}

/** The answer page's one read: the link's token and its round, fetched together. */
export interface AnswerLinkReader {
  read(tokenHash: string, orgId: string, roundId: string): Promise<{ token?: TokenRecord; round?: Round }>;
}
