import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { keys } from '../../db/table.js';
import type { ApiKeyStore } from '../../organisations/ports.js';
import { isConditionFailure } from './client.js';
import { fromItem, stamp } from './item.js';
import { ApiKeyItem } from './item-schemas.js';

export function createApiKeyStore(db: DynamoDBDocumentClient, tableName: string): ApiKeyStore {
  return {
    async create(record) {
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...keys.apiKey(record.orgId, record.keyId), ...stamp('apiKey'), ...record },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    },
    async get(orgId, keyId) {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: keys.apiKey(orgId, keyId) }),
      );
      return Item ? fromItem('apiKey', ApiKeyItem, Item) : undefined;
    },
    async list(orgId) {
      const { Items = [] } = await db.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': keys.organisation(orgId).pk, ':prefix': keys.apiKeyPrefix },
        }),
      );
      return Items.map((item) => fromItem('apiKey', ApiKeyItem, item));
    },
    async revoke(orgId, keyId, revokedAt) {
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.apiKey(orgId, keyId),
            UpdateExpression: 'SET revokedAt = if_not_exists(revokedAt, :at)',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':at': revokedAt },
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
