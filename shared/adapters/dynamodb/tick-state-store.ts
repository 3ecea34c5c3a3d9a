import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../db/table.js';
import type { TickStateStore } from '../../tick/ports.js';
import { conditionally } from './client.js';

export function createTickStateStore(db: DynamoDBDocumentClient, tableName: string): TickStateStore {
  const Key = keys.tickState;
  return {
    async get() {
      // Strongly consistent: the sleep-or-stay decision must see a wake written a moment ago.
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key, ConsistentRead: true }));
      return { wokenAt: Item?.wokenAt as string | undefined, idle: Item?.idle === true };
    },
    async markWoken(at) {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key,
          UpdateExpression: 'SET wokenAt = :at, idle = :no',
          ExpressionAttributeValues: { ':at': at, ':no': false },
        }),
      );
    },
    async markActive() {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key,
          UpdateExpression: 'SET idle = :no',
          ExpressionAttributeValues: { ':no': false },
        }),
      );
    },
    async markIdle(wokenAt) {
      return conditionally(
        db,
        new UpdateCommand({
          TableName: tableName,
          Key,
          UpdateExpression: 'SET idle = :yes',
          ConditionExpression: wokenAt ? 'wokenAt = :seen' : 'attribute_not_exists(wokenAt)',
          ExpressionAttributeValues: { ':yes': true, ...(wokenAt ? { ':seen': wokenAt } : {}) },
        }),
      );
    },
  };
}
