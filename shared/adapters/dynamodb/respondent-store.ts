import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { keys } from '../../db/table.js';
import { validationFailed } from '../../errors.js';
import type { RespondentStore } from '../../respondents/ports.js';
import type { Respondent } from '../../respondents/respondent.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { batchGet, batchWrite } from './batch.js';
import { isConditionFailure } from './client.js';
import { fromItem, stamp } from './item.js';
import { RespondentItem } from './item-schemas.js';

const toRespondent = (item: Record<string, unknown>) => fromItem('respondent', RespondentItem, item);

export function createRespondentStore(db: DynamoDBDocumentClient, tableName: string): RespondentStore {
  const item = (respondent: Respondent) => ({
    ...keys.respondent(respondent.orgId, respondent.respondentKey),
    ...stamp('respondent'),
    ...respondent,
  });
  return {
    async getMany(orgId, respondentKeys) {
      const items = await batchGet(
        db,
        tableName,
        respondentKeys.map((key) => keys.respondent(orgId, key)),
        true,
      );
      return new Map(items.map(toRespondent).map((found) => [found.respondentKey, found]));
    },
    async putMany(respondents) {
      await batchWrite(
        db,
        tableName,
        respondents.map((respondent) => ({ put: item(respondent) })),
      );
    },
    async list(orgId, cursor, limit) {
      const after = cursor ? decodeCursor(cursor, /^[0-9a-f]{64}$/) : undefined;
      if (cursor && !after)
        throw validationFailed('Unknown cursor', [
          { path: 'cursor', message: 'Not a cursor this API gave out' },
        ]);
      const { Items = [], LastEvaluatedKey } = await db.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': keys.organisation(orgId).pk, ':prefix': keys.respondentPrefix },
          Limit: limit,
          ...(after ? { ExclusiveStartKey: keys.respondent(orgId, after) } : {}),
        }),
      );
      const items = Items.map(toRespondent);
      const last = items.at(-1);
      return { items, ...(LastEvaluatedKey && last ? { cursor: encodeCursor(last.respondentKey) } : {}) };
    },
    async get(orgId, respondentKey) {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: keys.respondent(orgId, respondentKey) }),
      );
      return Item ? toRespondent(Item) : undefined;
    },
    async delete(orgId, respondentKey) {
      const { Attributes } = await db.send(
        new DeleteCommand({
          TableName: tableName,
          Key: keys.respondent(orgId, respondentKey),
          ReturnValues: 'ALL_OLD',
        }),
      );
      return Attributes !== undefined;
    },
    async setStatus(orgId, respondentKey, status, at) {
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.respondent(orgId, respondentKey),
            UpdateExpression: 'SET #status = :status, updatedAt = :at',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':status': status, ':at': at },
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
