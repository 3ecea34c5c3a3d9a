import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { keys, TTL_ATTRIBUTE } from '../../db/table.js';
import type { TokenStore } from '../../tokens/ports.js';
import { fromItem, stamp } from './item.js';
import { TokenItem } from './item-schemas.js';

const TTL_GRACE_SECONDS = 90 * 86_400;

export function createTokenStore(db: DynamoDBDocumentClient, tableName: string): TokenStore {
  return {
    async put(token) {
      // Reads check expiresAt themselves; DynamoDB's TTL only sweeps dead links away, 90 days later, so a closed
      // round's link can still say "this round has closed" and still unsubscribe.
      const ttl = Math.floor(new Date(token.expiresAt).getTime() / 1000) + TTL_GRACE_SECONDS;
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...keys.token(token.tokenHash), ...stamp('token'), ...token, [TTL_ATTRIBUTE]: ttl },
        }),
      );
    },
    async get(tokenHash) {
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: keys.token(tokenHash) }));
      return Item ? fromItem('token', TokenItem, Item) : undefined;
    },
    async delete(tokenHash) {
      await db.send(new DeleteCommand({ TableName: tableName, Key: keys.token(tokenHash) }));
    },
  };
}
