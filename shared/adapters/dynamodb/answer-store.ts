import { type DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AnswerStore } from '../../answers/ports.js';
import { keys } from '../../db/table.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { fromItem, stamp } from './item.js';
import { StoredAnswerItem } from './item-schemas.js';

export function createAnswerStore(db: DynamoDBDocumentClient, tableName: string): AnswerStore {
  return {
    async put(answer) {
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            ...keys.answer(answer.roundId, answer.shard, answer.answerKey),
            ...stamp('answer'),
            ...answer,
          },
        }),
      );
    },
    async page(roundId, shard, cursor, limit) {
      const after = cursor ? decodeCursor(cursor, /^[0-9a-f]{64}$/) : undefined;
      const { Items = [], LastEvaluatedKey } = await db.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': keys.answerPartition(roundId, shard) },
          Limit: limit,
          ...(after ? { ExclusiveStartKey: keys.answer(roundId, shard, after) } : {}),
        }),
      );
      const items = Items.map((item) => fromItem('answer', StoredAnswerItem, item));
      const last = items.at(-1);
      return { items, ...(LastEvaluatedKey && last ? { cursor: encodeCursor(last.answerKey) } : {}) };
    },
  };
}
