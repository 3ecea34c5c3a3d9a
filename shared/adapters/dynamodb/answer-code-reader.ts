import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AnswerCodeReader } from '../../codes/ports.js';
import { keys } from '../../db/table.js';
import { batchGet } from './batch.js';
import { fromItem } from './item.js';
import { TokenItem } from './item-schemas.js';
import { RoundItem } from './round-item-schemas.js';

/** Two BatchGetItem reads (the answer pages' function has no GetItem): the code's token, then its round. */
export function createAnswerCodeReader(db: DynamoDBDocumentClient, tableName: string): AnswerCodeReader {
  return {
    async read(tokenHash) {
      const [tokenItem] = await batchGet(db, tableName, [keys.token(tokenHash)]);
      const token = tokenItem ? fromItem('token', TokenItem, tokenItem) : undefined;
      if (token?.kind !== 'answer') return token ? { token } : {};
      const [roundItem] = await batchGet(db, tableName, [keys.round(token.orgId, token.roundId)]);
      return { token, ...(roundItem ? { round: fromItem('round', RoundItem, roundItem) } : {}) };
    },
  };
}
