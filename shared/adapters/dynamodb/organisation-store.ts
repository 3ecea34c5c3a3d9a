import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { keys, WORK_QUEUE_INDEX, workQueue } from '../../db/table.js';
import { conflict } from '../../errors.js';
import type { OrganisationStore } from '../../organisations/ports.js';
import { conditionally, isConditionFailure } from './client.js';
import { fromItem, stamp } from './item.js';
import { OrganisationItem } from './item-schemas.js';
import { buildUpdate } from './update-expression.js';

/** The schedule index entry: present only while a scheduled round is ahead. */
const scheduleEntry = (orgId: string, nextRoundAt: string | undefined) => ({
  wqpk: nextRoundAt ? workQueue.organisationDue : undefined,
  wqsk: nextRoundAt ? `${nextRoundAt}#${orgId}` : undefined,
});

export function createOrganisationStore(db: DynamoDBDocumentClient, tableName: string): OrganisationStore {
  const key = keys.organisation;
  const store: OrganisationStore = {
    async create(org) {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...key(org.id), ...stamp('organisation'), ...org },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
      } catch (error) {
        if (isConditionFailure(error)) throw conflict('Organisation exists');
        throw error;
      }
    },
    async get(orgId) {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: key(orgId), ConsistentRead: true }),
      );
      return Item ? fromItem('organisation', OrganisationItem, Item) : undefined;
    },
    async update(orgId, changes, now) {
      const all: Record<string, unknown> = { ...changes, updatedAt: now };
      if ('nextRoundAt' in changes) Object.assign(all, scheduleEntry(orgId, changes.nextRoundAt));
      const update = buildUpdate(all);
      try {
        const { Attributes } = await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: key(orgId),
            UpdateExpression: update.expression,
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeNames: update.names,
            ...(Object.keys(update.values).length ? { ExpressionAttributeValues: update.values } : {}),
            ReturnValues: 'ALL_NEW',
          }),
        );
        return Attributes ? fromItem('organisation', OrganisationItem, Attributes) : undefined;
      } catch (error) {
        if (isConditionFailure(error)) return undefined;
        throw error;
      }
    },
    async markVerified(orgId, verifiedAt, nextRoundAt) {
      const fields = { verified: true, verifiedAt, nextRoundAt, ...scheduleEntry(orgId, nextRoundAt) };
      return setWhere(orgId, fields, 'attribute_exists(pk) AND verified = :no', { ':no': false });
    },
    async nextDueAt() {
      const { Items = [] } = await db.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: WORK_QUEUE_INDEX.name,
          KeyConditionExpression: 'wqpk = :due',
          ExpressionAttributeValues: { ':due': workQueue.organisationDue },
          Limit: 1,
        }),
      );
      // wqsk is `<nextRoundAt>#<orgId>`: the index sorts by the time.
      return Items[0] ? String(Items[0].wqsk).split('#')[0] : undefined;
    },
    async listDue(now, limit) {
      const { Items = [] } = await db.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: WORK_QUEUE_INDEX.name,
          KeyConditionExpression: 'wqpk = :due AND wqsk <= :now',
          ExpressionAttributeValues: { ':due': workQueue.organisationDue, ':now': `${now}#~` },
          Limit: limit,
        }),
      );
      // The index is keys-only: the organisation id is in the table key.
      const found = await Promise.all(Items.map((item) => store.get(String(item.pk).slice('ORG#'.length))));
      return found.filter((org) => org !== undefined);
    },
    async claimOpenRound(orgId, roundId, claimedAt) {
      return conditionally(
        db,
        new UpdateCommand({
          TableName: tableName,
          Key: key(orgId),
          UpdateExpression:
            'SET openRoundId = :round, openRoundClaimedAt = if_not_exists(openRoundClaimedAt, :at)',
          ConditionExpression:
            'attribute_exists(pk) AND (attribute_not_exists(openRoundId) OR openRoundId = :round)',
          ExpressionAttributeValues: { ':round': roundId, ':at': claimedAt },
        }),
      );
    },
    async reclaimOpenRound(orgId, staleRoundId, roundId, claimedAt) {
      return conditionally(
        db,
        new UpdateCommand({
          TableName: tableName,
          Key: key(orgId),
          UpdateExpression: 'SET openRoundId = :round, openRoundClaimedAt = :at',
          ConditionExpression: 'openRoundId = :stale',
          ExpressionAttributeValues: { ':round': roundId, ':at': claimedAt, ':stale': staleRoundId },
        }),
      );
    },
    async releaseOpenRound(orgId, roundId) {
      // Only the round that holds the slot frees it; anything else is a rerun and changes nothing.
      await conditionally(
        db,
        new UpdateCommand({
          TableName: tableName,
          Key: key(orgId),
          UpdateExpression: 'REMOVE openRoundId, openRoundClaimedAt',
          ConditionExpression: 'openRoundId = :round',
          ExpressionAttributeValues: { ':round': roundId },
        }),
      );
    },
    async advanceSchedule(orgId, from, to) {
      return setWhere(orgId, { nextRoundAt: to, ...scheduleEntry(orgId, to) }, 'nextRoundAt = :from', {
        ':from': from,
      });
    },
  };
  return store;

  /** Sets the fields when the condition holds; false when it does not. */
  function setWhere(
    orgId: string,
    fields: Record<string, unknown>,
    condition: string,
    values: Record<string, unknown>,
  ) {
    const update = buildUpdate(fields);
    return conditionally(
      db,
      new UpdateCommand({
        TableName: tableName,
        Key: key(orgId),
        UpdateExpression: update.expression,
        ConditionExpression: condition,
        ExpressionAttributeNames: update.names,
        ExpressionAttributeValues: { ...update.values, ...values },
      }),
    );
  }
}
