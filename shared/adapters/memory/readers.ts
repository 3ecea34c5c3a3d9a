import type { AnswerLinkReader } from '../../answers/ports.js';
import type { AnswerCodeReader } from '../../codes/ports.js';
import type { RoundStore } from '../../rounds/ports.js';
import type { TokenStore } from '../../tokens/ports.js';

/** The answer page's one read, over the memory token and round stores (DynamoDB does it in one BatchGetItem). */
export function createMemoryAnswerLinkReader(tokens: TokenStore, rounds: RoundStore): AnswerLinkReader {
  return {
    async read(tokenHash, orgId, roundId) {
      const [token, round] = await Promise.all([tokens.get(tokenHash), rounds.get(orgId, roundId)]);
      return { ...(token ? { token } : {}), ...(round ? { round } : {}) };
    },
  };
}

/** The kiosk's read: the code's token, then the round it names. */
export function createMemoryAnswerCodeReader(tokens: TokenStore, rounds: RoundStore): AnswerCodeReader {
  return {
    async read(tokenHash) {
      const token = await tokens.get(tokenHash);
      if (token?.kind !== 'answer') return token ? { token } : {};
      const round = await rounds.get(token.orgId, token.roundId);
      return { token, ...(round ? { round } : {}) };
    },
  };
}
