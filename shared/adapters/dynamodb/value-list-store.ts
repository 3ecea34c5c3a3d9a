import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import { keys } from '../../db/table.js';
import type { ValueListStore } from '../../values/ports.js';
import { fromItem, stamp } from './item.js';
import { ValueListItem } from './item-schemas.js';

const StoredList = z.object({ list: ValueListItem });

export function createValueListStore(db: DynamoDBDocumentClient, tableName: string): ValueListStore {
  return {
    async put(orgId, list) {
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...keys.valueList(orgId, list.id), ...stamp('valueList'), list },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    },
    async get(orgId, listId) {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: keys.valueList(orgId, listId) }),
      );
      return Item ? fromItem('valueList', StoredList, Item).list : undefined;
    },
  };
}
