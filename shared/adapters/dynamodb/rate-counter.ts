import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Clock } from '../../common-ports.js';
import { keys, TTL_ATTRIBUTE } from '../../db/table.js';
import type { RateCounter } from '../../rate-limiter.js';
import { isConditionFailure } from './client.js';
import { stampOnUpdate } from './item.js';

/**
 * One item per key and fixed window, counted with a conditional ADD: the write that would pass the limit fails
 * its condition instead, so concurrent hits from any number of containers never count past it. DynamoDB's TTL
 * sweeps the item a minute after its window ends (dynalite keeps it; the window start in the key ignores it).
 */
export function createRateCounter(db: DynamoDBDocumentClient, tableName: string, clock: Clock): RateCounter {
  const stamp = stampOnUpdate('rate');
  return {
    async hit(key, limit, windowSeconds) {
      const now = clock.now().getTime();
      const windowMs = windowSeconds * 1000;
      const start = Math.floor(now / windowMs) * windowMs;
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.rate(key, windowSeconds, start),
            UpdateExpression: `ADD hits :one SET #ttl = if_not_exists(#ttl, :expires), ${stamp.clause}`,
            ConditionExpression: 'attribute_not_exists(hits) OR hits < :limit',
            ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE },
            ExpressionAttributeValues: {
              ':one': 1,
              ':limit': limit,
              ':expires': Math.ceil((start + windowMs) / 1000) + 60,
              ...stamp.values,
            },
          }),
        );
        return { allowed: true, retryAfter: 0 };
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        return { allowed: false, retryAfter: Math.max(1, Math.ceil((start + windowMs - now) / 1000)) };
      }
    },
  };
}
