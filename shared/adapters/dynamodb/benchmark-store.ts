import { type DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import { keys } from '../../db/table.js';
import type { BenchmarkStore } from '../../reports/ports.js';
import { fromItem, stamp } from './item.js';

const BenchmarkItem = z.object({ sk: z.string(), median: z.number() });

/** One small item per organisation in one partition: written once per round, read with the trend. */
export function createBenchmarkStore(db: DynamoDBDocumentClient, tableName: string): BenchmarkStore {
  return {
    async record(orgId, median, closesAt) {
      await db
        .send(
          new PutCommand({
            TableName: tableName,
            Item: { ...keys.benchmark(orgId), ...stamp('benchmark'), median, closesAt },
            ConditionExpression: 'attribute_not_exists(closesAt) OR closesAt <= :at',
            ExpressionAttributeValues: { ':at': closesAt },
          }),
        )
        .catch((error: Error) => {
          if (error.name !== 'ConditionalCheckFailedException') throw error;
        });
    },
    async all() {
      const medians = new Map<string, number>();
      let start: Record<string, unknown> | undefined;
      do {
        const page = await db.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': keys.benchmarkPartition },
            ExclusiveStartKey: start,
          }),
        );
        for (const item of page.Items ?? []) {
          // The organisation's id is the sort key: one item per organisation in the benchmark's partition.
          const { sk, median } = fromItem('benchmark', BenchmarkItem, item);
          medians.set(sk, median);
        }
        start = page.LastEvaluatedKey;
      } while (start);
      return medians;
    },
  };
}
