import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Page } from '../../common-ports.js';
import { decodeCursor, encodeCursor } from '../cursor.js';

interface ShardedQuery<T> {
  tableName: string;
  /** The partition key of one shard. */
  partition: (shard: number) => string;
  shards: number;
  /** The sort key of an item read, to carry on from (a 64-hex-digit keyed hash). */
  sortKeyOf: (item: T) => string;
  fromItem: (item: Record<string, unknown>) => T;
  consistentRead?: boolean;
  /** Names the store in the error an unknown cursor raises. */
  what: string;
}

/**
 * One page of items spread over numbered partitions. The cursor names a shard and, within it, the last key read,
 * so pages walk the shards one after another and no caller ever sees a shard.
 */
export async function shardedPage<T>(
  db: DynamoDBDocumentClient,
  query: ShardedQuery<T>,
  cursor: string | undefined,
  limit: number,
): Promise<Page<T>> {
  const position = cursor ? decodeCursor(cursor, /^\d{1,2}\.([0-9a-f]{64})?$/) : '0.';
  if (!position) throw new Error(`Unknown ${query.what} cursor`);
  const [shardText, after] = position.split('.') as [string, string];
  const shard = Number(shardText);
  const partition = query.partition(shard);
  const { Items = [], LastEvaluatedKey } = await db.send(
    new QueryCommand({
      TableName: query.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': partition },
      Limit: limit,
      ...(query.consistentRead ? { ConsistentRead: true } : {}),
      ...(after ? { ExclusiveStartKey: { pk: partition, sk: after } } : {}),
    }),
  );
  const items = Items.map(query.fromItem);
  const last = items.at(-1);
  const next =
    LastEvaluatedKey && last
      ? `${shard}.${query.sortKeyOf(last)}`
      : shard + 1 < query.shards
        ? `${shard + 1}.`
        : undefined;
  return { items, ...(next ? { cursor: encodeCursor(next) } : {}) };
}
