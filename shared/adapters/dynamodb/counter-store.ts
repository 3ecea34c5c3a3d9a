import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import type { AttemptCounter } from '../../codes/guess-limits.js';
import { counterKey, TTL_ATTRIBUTE } from '../../db/table.js';
import { batchGet } from './batch.js';
import { isConditionFailure } from './client.js';
import { fromItem, stampOnUpdate } from './item.js';

const CounterItem = z.object({ count: z.number() });

/**
 * Fixed-window counters as items: one per name and window, counted up with a conditional ADD that stops at
 * the limit (so a flood writes nothing once the window is used up), removed by TTL after the window.
 */
export function createCounterStore(db: DynamoDBDocumentClient, tableName: string): AttemptCounter {
  const stamp = stampOnUpdate('counter');
  const windowOf = (at: Date, windowMs: number) => Math.floor(at.getTime() / windowMs) * windowMs;
  return {
    async attempt(name, limit, windowMs, at) {
      const start = windowOf(at, windowMs);
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: counterKey(name, start),
            UpdateExpression: `ADD #count :one SET #ttl = if_not_exists(#ttl, :ttl), ${stamp.clause}`,
            ConditionExpression: 'attribute_not_exists(#count) OR #count < :limit',
            ExpressionAttributeNames: { '#count': 'count', '#ttl': TTL_ATTRIBUTE },
            ExpressionAttributeValues: {
              ':one': 1,
              ':limit': limit,
              ':ttl': Math.ceil((start + windowMs) / 1000) + 3600,
              ...stamp.values,
            },
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },
    async exceeded(name, limit, windowMs, at) {
      // BatchGetItem, not GetItem: the answer pages' function may make only the calls its pages need.
      const [item] = await batchGet(db, tableName, [counterKey(name, windowOf(at, windowMs))]);
      return (item ? fromItem('counter', CounterItem, item).count : 0) >= limit;
    },
  };
}
