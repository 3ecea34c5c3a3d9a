import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import { keys } from '../../db/table.js';
import type { TickStateStore } from '../../tick/ports.js';
import { conditionally } from './client.js';
import { fromItem, stampOnUpdate } from './item.js';

const TickStateItem = z.object({ wokenAt: z.optional(z.string()), idle: z.optional(z.boolean()) });

export function createTickStateStore(db: DynamoDBDocumentClient, tableName: string): TickStateStore {
  const Key = keys.tickState;
  const stamp = stampOnUpdate('tickState');
  return {
    async get() {
      // Strongly consistent: the sleep-or-stay decision must see a wake written a moment ago.
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key, ConsistentRead: true }));
      const state = Item ? fromItem('tickState', TickStateItem, Item) : {};
      return { wokenAt: state.wokenAt, idle: state.idle === true };
    },
    async markWoken(at) {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key,
          UpdateExpression: `SET wokenAt = :at, idle = :no, ${stamp.clause}`,
          ExpressionAttributeValues: { ':at': at, ':no': false, ...stamp.values },
        }),
      );
    },
    async markActive() {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key,
          UpdateExpression: `SET idle = :no, ${stamp.clause}`,
          ExpressionAttributeValues: { ':no': false, ...stamp.values },
        }),
      );
    },
    async markIdle(wokenAt) {
      return conditionally(
        db,
        new UpdateCommand({
          TableName: tableName,
          Key,
          UpdateExpression: `SET idle = :yes, ${stamp.clause}`,
          ConditionExpression: wokenAt ? 'wokenAt = :seen' : 'attribute_not_exists(wokenAt)',
          ExpressionAttributeValues: {
            ':yes': true,
            ...stamp.values,
            ...(wokenAt ? { ':seen': wokenAt } : {}),
          },
        }),
      );
    },
  };
}
