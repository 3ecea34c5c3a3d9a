import type { Round } from '../rounds/round.js';
import type { TokenRecord } from '../tokens/token.js';

/** The kiosk's reads: a code's token by its hash, then the round it names (a code, unlike a link, names none). */
export interface AnswerCodeReader {
  read(tokenHash: string): Promise<{ token?: TokenRecord; round?: Round }>;
}
