import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../db/table.js';
import type { MailQuotaStore } from '../../tick/ports.js';
import { isConditionFailure } from './client.js';

/** The send bucket: one small item, written once per batch of send slots (docs/decisions.md, issue 18). */
export function createMailQuotaStore(db: DynamoDBDocumentClient, tableName: string): MailQuotaStore {
  const Key = keys.mailQuota;
  return {
    async read() {
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key, ConsistentRead: true }));
      if (!Item) return undefined;
      return { tokens: Number(Item.tokens), at: Number(Item.at), version: Number(Item.version) };
    },
    async replace(next, seenVersion) {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...Key, entity: 'mailQuota', tokens: next.tokens, at: next.at, version: next.version },
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
