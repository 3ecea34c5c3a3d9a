import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { StoredAnswer } from '../../answers/answer.js';
import type { AnswerStore } from '../../answers/ports.js';
import { ANSWER_SHARDS, keys } from '../../db/table.js';
import { shardedPage } from './sharded-page.js';

/** Items written before the store owned its shards carry a `shard` attribute; the domain never sees it. */
const fromItem = ({ pk: _pk, sk: _sk, shard: _shard, ...rest }: Record<string, unknown>) =>
  rest as unknown as StoredAnswer;

/** A round's answers, spread over ANSWER_SHARDS partitions by their key (docs/data-model.md). */
export function createAnswerStore(db: DynamoDBDocumentClient, tableName: string): AnswerStore {
  return {
    async put(answer) {
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...keys.answer(answer.roundId, answer.answerKey), ...answer },
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
          fromItem,
          what: 'answer',
        },
        cursor,
        limit,
      ),
  };
}
