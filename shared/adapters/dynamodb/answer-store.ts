import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { AnswerStore } from '../../answers/ports.js';
import { ANSWER_SHARDS, keys } from '../../db/table.js';
import { fromItem, stamp } from './item.js';
import { StoredAnswerItem } from './item-schemas.js';
import { shardedPage } from './sharded-page.js';

/** Items written before the store owned its shards carry a `shard` attribute; the schema drops it. */
const toAnswer = (item: Record<string, unknown>) => fromItem('answer', StoredAnswerItem, item);

/** A round's answers, spread over ANSWER_SHARDS partitions by their key (docs/data-model.md). */
export function createAnswerStore(db: DynamoDBDocumentClient, tableName: string): AnswerStore {
  return {
    async put(answer) {
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...keys.answer(answer.roundId, answer.answerKey), ...stamp('answer'), ...answer },
        }),
      );
    },
    page: (roundId, cursor, limit) =>
      shardedPage(
        db,
        {
          tableName,
          partition: (shard) => keys.answerPartition(roundId, shard),
          shards: ANSWER_SHARDS,
          sortKeyOf: (answer) => answer.answerKey,
          fromItem: toAnswer,
          what: 'answer',
        },
        cursor,
        limit,
      ),
  };
}
