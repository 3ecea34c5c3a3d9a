import { DeleteCommand, type DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { INVITATION_SHARDS, keys } from '../../db/table.js';
import { erasedInvitation } from '../../rounds/invitation.js';
import type { InvitationStore } from '../../rounds/ports.js';
import { isConditionFailure } from './client.js';
import { fromItem, stamp } from './item.js';
import { InvitationItem } from './round-item-schemas.js';
import { shardedPages } from './sharded-page.js';

const toInvitation = (item: Record<string, unknown>) => fromItem('invitation', InvitationItem, item);

export function createInvitationStore(db: DynamoDBDocumentClient, tableName: string): InvitationStore {
  const key = keys.invitation;
  return {
    async create(invitation) {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              ...key(invitation.roundId, invitation.respondentKey),
              ...stamp('invitation'),
              ...invitation,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    },
    page: shardedPages(db, tableName, {
      partition: keys.invitationPartition,
      shards: INVITATION_SHARDS,
      sortKeyOf: (invitation) => invitation.respondentKey,
      fromItem: toInvitation,
      consistentRead: true,
      what: 'invitation',
    }),
    async claimMail(roundId, respondentKey, kind, now, leaseUntil) {
      const unanswered = kind === 'invite' ? '' : ' AND attribute_not_exists(answered)';
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: key(roundId, respondentKey),
            UpdateExpression: 'SET mails.#kind = :claim',
            ConditionExpression: `attribute_exists(pk) AND (attribute_not_exists(mails.#kind) OR (mails.#kind.#state = :sending AND mails.#kind.leaseUntil < :now))${unanswered}`,
            ExpressionAttributeNames: { '#kind': kind, '#state': 'state' },
            ExpressionAttributeValues: {
              ':claim': { state: 'sending', leaseUntil },
              ':sending': 'sending',
              ':now': now,
            },
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },
    async settleMail(roundId, respondentKey, kind, outcome) {
      const base = {
        TableName: tableName,
        Key: key(roundId, respondentKey),
        ExpressionAttributeNames: { '#kind': kind },
      };
      try {
        if (outcome.state === 'released') {
          await db.send(
            new UpdateCommand({
              ...base,
              UpdateExpression: 'REMOVE mails.#kind',
              ConditionExpression: 'attribute_exists(pk)',
            }),
          );
        } else if (outcome.state === 'sent') {
          await db.send(
            new UpdateCommand({
              ...base,
              UpdateExpression: 'SET mails.#kind = :sent ADD tokenHashes :hash',
              ConditionExpression: 'attribute_exists(pk)',
              ExpressionAttributeValues: {
                ':sent': { state: 'sent', ...(outcome.channel ? { channel: outcome.channel } : {}) },
                ':hash': new Set([outcome.tokenHash]),
              },
            }),
          );
        } else {
          await db.send(
            new UpdateCommand({
              ...base,
              UpdateExpression: 'SET mails.#kind = :skipped',
              ConditionExpression: 'attribute_exists(pk)',
              ExpressionAttributeValues: { ':skipped': { state: 'skipped', reason: outcome.reason } },
            }),
          );
        }
      } catch (error) {
        // An invitation erased mid-send has nothing left to settle.
        if (!isConditionFailure(error)) throw error;
      }
    },
    async markAnswered(roundId, respondentKey, via = 'link') {
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: key(roundId, respondentKey),
            UpdateExpression: 'SET answered = :yes, answeredBy = :via',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':yes': true, ':via': via },
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },
    async delete(roundId, respondentKey) {
      const { Attributes } = await db.send(
        new DeleteCommand({
          TableName: tableName,
          Key: key(roundId, respondentKey),
          ReturnValues: 'ALL_OLD',
        }),
      );
      if (!Attributes) return undefined;
      const invitation = toInvitation(Attributes);
      return erasedInvitation(invitation);
    },
  };
}
