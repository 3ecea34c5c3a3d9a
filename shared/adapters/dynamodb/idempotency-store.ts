import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { keys, TTL_ATTRIBUTE } from '../../db/table.js';
import type { IdempotencyStore } from '../../idempotency/idempotent.js';
import { fromItem, stamp } from './item.js';
import { IdempotencyItem } from './item-schemas.js';

const isConditionFailure = (error: unknown) =>
  error instanceof Error && error.name === 'ConditionalCheckFailedException';

/**
 * Idempotency keys in the table, one item each, claimed with a conditional put (dynalite has no transactions,
 * and none is needed): free, expired, or pending past its lease. TTL sweeps them a day after use.
 */
export function createIdempotencyStore(db: DynamoDBDocumentClient, tableName: string): IdempotencyStore {
  const key = (keyHash: string) => keys.idempotencyKey(keyHash);
  return {
    async claim(record, now) {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              ...key(record.keyHash),
              ...stamp('idempotencyKey'),
              ...record,
              [TTL_ATTRIBUTE]: Math.ceil(new Date(record.expiresAt).getTime() / 1000),
            },
            // DynamoDB's TTL deletes late, dynalite never: an expired item counts as free.
            ConditionExpression:
              'attribute_not_exists(pk) OR expiresAt < :now OR (#state = :pending AND leaseUntil < :now)',
            ExpressionAttributeNames: { '#state': 'state' },
            ExpressionAttributeValues: { ':now': now, ':pending': 'pending' },
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },
    async get(keyHash) {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: key(keyHash), ConsistentRead: true }),
      );
      return Item ? fromItem('idempotencyKey', IdempotencyItem, Item) : undefined;
    },
    async complete(keyHash, claimId, result) {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: key(keyHash),
          UpdateExpression: 'SET #state = :done, #status = :status, sealedBody = :body',
          ConditionExpression: 'claimId = :claim',
          ExpressionAttributeNames: { '#state': 'state', '#status': 'status' },
          ExpressionAttributeValues: {
            ':done': 'done',
            ':status': result.status,
            ':body': result.sealedBody,
            ':claim': claimId,
          },
        }),
      );
    },
    async release(keyHash, claimId) {
      try {
        await db.send(
          new DeleteCommand({
            TableName: tableName,
            Key: key(keyHash),
            ConditionExpression: 'claimId = :claim',
            ExpressionAttributeValues: { ':claim': claimId },
          }),
        );
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    },
  };
}
