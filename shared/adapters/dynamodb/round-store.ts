import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { keys, WORK_QUEUE_INDEX, workQueue } from '../../db/table.js';
import type { RoundStore } from '../../rounds/ports.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { conditionally, isConditionFailure, queryPrefix } from './client.js';
import { fromItem, stamp } from './item.js';
import { RoundItem } from './round-item-schemas.js';

/** Rounds per work-queue page: keys only, so a page is small (1,000 × ~100 B ≈ 25 RCU, eventually consistent). */
const ACTIVE_PAGE = 1000;

const workQueueKey = (wqsk: string) => {
  const [orgId, roundId] = wqsk.split('#') as [string, string];
  return { ...keys.round(orgId, roundId), wqpk: workQueue.roundActive, wqsk };
};

export function createRoundStore(db: DynamoDBDocumentClient, tableName: string): RoundStore {
  const key = keys.round;
  return {
    async create(round) {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              ...key(round.orgId, round.id),
              ...stamp('round'),
              ...round,
              wqpk: workQueue.roundActive,
              wqsk: `${round.orgId}#${round.id}`,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },
    async get(orgId, roundId) {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: key(orgId, roundId), ConsistentRead: true }),
      );
      return Item ? fromItem('round', RoundItem, Item) : undefined;
    },
    async list(orgId) {
      const items = await queryPrefix(db, tableName, keys.organisation(orgId).pk, keys.roundPrefix);
      return items
        .map((item) => fromItem('round', RoundItem, item))
        .sort((a, b) => b.opensAt.localeCompare(a.opensAt));
    },
    // The cursor is the last round's work-queue sort key: the index and table keys both derive from it.
    async listActive(cursor, limit = ACTIVE_PAGE) {
      const after = cursor ? decodeCursor(cursor, /^org_[A-Za-z0-9]+#rnd_[A-Za-z0-9]+$/) : undefined;
      if (cursor && !after) throw new Error('Unknown work-queue cursor');
      const { Items = [], LastEvaluatedKey } = await db.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: WORK_QUEUE_INDEX.name,
          KeyConditionExpression: 'wqpk = :active',
          ExpressionAttributeValues: { ':active': workQueue.roundActive },
          Limit: limit,
          ...(after ? { ExclusiveStartKey: workQueueKey(after) } : {}),
        }),
      );
      const items = Items.map((item) => {
        const [orgId, roundId] = String(item.wqsk).split('#') as [string, string];
        return { orgId, roundId };
      });
      const last = Items.at(-1);
      return { items, ...(LastEvaluatedKey && last ? { cursor: encodeCursor(String(last.wqsk)) } : {}) };
    },
    async updateProgress(orgId, roundId, progress) {
      const names: Record<string, string> = { '#progress': 'progress' };
      const values: Record<string, unknown> = {};
      const sets = Object.entries(progress).map(([field, value], index) => {
        names[`#p${index}`] = field;
        values[`:p${index}`] = value;
        return `#progress.#p${index} = :p${index}`;
      });
      if (sets.length === 0) return;
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: key(orgId, roundId),
          UpdateExpression: `SET ${sets.join(', ')}`,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        }),
      );
    },
    async close(orgId, roundId, closedAt) {
      return conditionally(
        db,
        new UpdateCommand({
          TableName: tableName,
          Key: key(orgId, roundId),
          UpdateExpression: 'SET closedAt = :at',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(closedAt)',
          ExpressionAttributeValues: { ':at': closedAt },
        }),
      );
    },
    async finish(orgId, roundId) {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: key(orgId, roundId),
          UpdateExpression: 'REMOVE wqpk, wqsk',
        }),
      );
    },
    async countErasedInvitation(orgId, roundId, answered, byCode) {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: key(orgId, roundId),
          UpdateExpression:
            'ADD erasedInvitations :one, erasedAnswered :answered, erasedInvitedByCode :code, erasedAnsweredByCode :answeredByCode',
          ExpressionAttributeValues: {
            ':one': 1,
            ':answered': answered ? 1 : 0,
            ':code': byCode?.invited ? 1 : 0,
            ':answeredByCode': byCode?.answered ? 1 : 0,
          },
        }),
      );
    },
    async claimRoundMail(orgId, roundId, mail, now, leaseUntil) {
      return conditionally(
        db,
        new UpdateCommand({
          TableName: tableName,
          Key: key(orgId, roundId),
          UpdateExpression: 'SET #mail = :claim',
          ConditionExpression:
            'attribute_not_exists(#mail) OR (#mail.#state = :sending AND #mail.leaseUntil < :now)',
          ExpressionAttributeNames: { '#mail': `mail_${mail}`, '#state': 'state' },
          ExpressionAttributeValues: {
            ':claim': { state: 'sending', leaseUntil },
            ':sending': 'sending',
            ':now': now,
          },
        }),
      );
    },
    async settleRoundMail(orgId, roundId, mail, sent) {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: key(orgId, roundId),
          UpdateExpression: sent ? 'SET #mail = :sent' : 'REMOVE #mail',
          ExpressionAttributeNames: { '#mail': `mail_${mail}` },
          ...(sent ? { ExpressionAttributeValues: { ':sent': { state: 'sent' } } } : {}),
        }),
      );
    },
  };
}
