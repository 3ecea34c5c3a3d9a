import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../db/table.js';
import type { SuppressionStore } from '../../ports.js';
import { batchGet } from './batch.js';

export function createSuppressionStore(db: DynamoDBDocumentClient, tableName: string): SuppressionStore {
  return {
    async suppress(respondentKey, reason, at) {
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...keys.suppression(respondentKey), entity: 'suppression', respondentKey, reason, at },
        }),
      );
    },
    async suppressedAmong(respondentKeys) {
      if (respondentKeys.length === 0) return new Set();
      const found = await batchGet(
        db,
        tableName,
        respondentKeys.map((key) => keys.suppression(key)),
      );
      return new Set(found.map((item) => String(item.respondentKey)));
    },
  };
}
