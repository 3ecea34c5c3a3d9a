import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../db/table.js';
import type { ValueListStore } from '../../values/ports.js';
import type { ValueList } from '../../values/value-list.js';

export function createValueListStore(db: DynamoDBDocumentClient, tableName: string): ValueListStore {
  return {
    async put(orgId, list) {
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...keys.valueList(orgId, list.id), entity: 'valueList', list },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    },
    async get(orgId, listId) {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: keys.valueList(orgId, listId) }),
      );
      return Item ? (Item.list as ValueList) : undefined;
    },
  };
}
