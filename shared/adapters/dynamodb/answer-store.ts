import { type DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { StoredAnswer } from '../../answers/answer.js';
import type { AnswerStore } from '../../answers/ports.js';
import { keys } from '../../db/table.js';
import { decodeCursor, encodeCursor } from './client.js';

export function createAnswerStore(db: DynamoDBDocumentClient, tableName: string): AnswerStore {
  return {
    async put(answer) {
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...keys.answer(answer.roundId, answer.shard, answer.answerKey), ...answer },
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
      const items = Items.map(({ pk: _pk, sk: _sk, ...rest }) => rest as StoredAnswer);
      const last = items.at(-1);
      return { items, ...(LastEvaluatedKey && last ? { cursor: encodeCursor(last.answerKey) } : {}) };
    },
  };
}
