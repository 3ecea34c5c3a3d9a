import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import { keys } from '../../db/table.js';
import type { MailQuotaStore } from '../../tick/ports.js';
import { isConditionFailure } from './client.js';
import { fromItem, stamp } from './item.js';

const BucketItem = z.object({ tokens: z.number(), at: z.number(), version: z.number() });

/** The send bucket: one small item, written once per batch of send slots (docs/decisions.md, issue 18). */
export function createMailQuotaStore(db: DynamoDBDocumentClient, tableName: string): MailQuotaStore {
  const Key = keys.mailQuota;
  return {
    async read() {
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key, ConsistentRead: true }));
      return Item ? fromItem('mailQuota', BucketItem, Item) : undefined;
    },
    async replace(next, seenVersion) {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...Key, ...stamp('mailQuota'), tokens: next.tokens, at: next.at, version: next.version },
            ConditionExpression: seenVersion === 0 ? 'attribute_not_exists(pk)' : 'version = :seen',
            ...(seenVersion === 0 ? {} : { ExpressionAttributeValues: { ':seen': seenVersion } }),
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },
  };
}
