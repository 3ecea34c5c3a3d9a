import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AnswerLinkReader } from '../../answers/ports.js';
import { keys } from '../../db/table.js';
import { batchGet } from './batch.js';
import { fromItem } from './item.js';
import { TokenItem } from './item-schemas.js';
import { RoundItem } from './round-item-schemas.js';

/**
 * The answer page's only read: token and round in one BatchGetItem. Eventually consistent, at half the read
 * cost on the round's one hot item: a round closed early may take up to a second to refuse answers.
 */
export function createAnswerLinkReader(db: DynamoDBDocumentClient, tableName: string): AnswerLinkReader {
  return {
    async read(tokenHash, orgId, roundId) {
      const tokenKey = keys.token(tokenHash);
      const items = await batchGet(db, tableName, [tokenKey, keys.round(orgId, roundId)], false);
      const token = items.find((item) => item.pk === tokenKey.pk);
      const round = items.find((item) => item.pk !== tokenKey.pk);
      return {
        ...(token ? { token: fromItem('token', TokenItem, token) } : {}),
        ...(round ? { round: fromItem('round', RoundItem, round) } : {}),
      };
    },
  };
}
