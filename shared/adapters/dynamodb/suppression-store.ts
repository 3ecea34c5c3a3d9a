import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import { keys } from '../../db/table.js';
import type { SuppressionStore } from '../../respondents/ports.js';
import { batchGet } from './batch.js';
import { fromItem, stamp } from './item.js';

const SuppressionItem = z.object({ respondentKey: z.string() });

/** Global suppressions (bounces, complaints) under the address's key; unsubscribes under the organisation. */
export function createSuppressionStore(db: DynamoDBDocumentClient, tableName: string): SuppressionStore {
  const found = async (keyList: Record<string, string>[]) =>
    keyList.length === 0
      ? new Set<string>()
      : new Set(
          (await batchGet(db, tableName, keyList)).map(
            (item) =>
              fromItem(item.sk === 'META' ? 'suppression' : 'unsubscribed', SuppressionItem, item)
                .respondentKey,
          ),
        );
  const unsubscribedAmong = (orgId: string, respondentKeys: string[]) =>
    found(respondentKeys.map((key) => keys.unsubscribed(orgId, key)));
  return {
    async suppress(respondentKey, reason, at) {
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...keys.suppression(respondentKey), ...stamp('suppression'), respondentKey, reason, at },
        }),
      );
    },
    async unsubscribe(orgId, respondentKey, at) {
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...keys.unsubscribed(orgId, respondentKey), ...stamp('unsubscribed'), respondentKey, at },
        }),
      );
    },
    async suppressedAmong(orgId, respondentKeys) {
      // Both kinds of key in the same BatchGetItem (100 keys each), the requests in parallel: one request for a
      // mail turn of up to 50 people, where asking for each kind apart took two (bench row 10).
      const keyList = respondentKeys.flatMap((key) => [keys.suppression(key), keys.unsubscribed(orgId, key)]);
      const chunks = Array.from({ length: Math.ceil(keyList.length / 100) }, (_, i) =>
        found(keyList.slice(i * 100, i * 100 + 100)),
      );
      return new Set((await Promise.all(chunks)).flatMap((set) => [...set]));
    },
    unsubscribedAmong,
  };
}
