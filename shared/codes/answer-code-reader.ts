import type { TokenRecord } from '../ports.js';
import type { Round } from '../rounds/round.js';

/** The kiosk's reads: a code's token by its hash, then the round it names (a code, unlike a link, names none). */
export interface AnswerCodeReader {
  read(tokenHash: string): Promise<{ token?: TokenRecord; round?: Round }>;
}
