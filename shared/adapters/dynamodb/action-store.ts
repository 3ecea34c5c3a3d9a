import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Action } from '../../actions/action.js';
import type { ActionStore } from '../../actions/ports.js';
import { actionKeys, keys } from '../../db/table.js';
import { conflict } from '../../errors.js';
import { isConditionFailure, queryAll } from './client.js';
import { fromItem, stamp } from './item.js';
import { ActionItem } from './item-schemas.js';

const toAction = (item: Record<string, unknown>) => fromItem('action', ActionItem, item);

export function createActionStore(db: DynamoDBDocumentClient, tableName: string): ActionStore {
  const item = (action: Action) => ({
    ...actionKeys.action(action.orgId, action.roundId, action.id),
    ...stamp('action'),
    ...action,
  });
  const query = (orgId: string, prefix: string, doneOnly: boolean) =>
    queryAll(db, {
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ...(doneOnly
        ? { FilterExpression: '#status = :done', ExpressionAttributeNames: { '#status': 'status' } }
        : {}),
      ExpressionAttributeValues: {
        ':pk': keys.organisation(orgId).pk,
        ':prefix': prefix,
        ...(doneOnly ? { ':done': 'done' } : {}),
      },
    }).then((items) => items.map(toAction));
  return {
    async create(action) {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: item(action),
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
      } catch (error) {
        if (isConditionFailure(error)) throw conflict('An action with this id exists');
        throw error;
      }
    },
    async get(orgId, roundId, actionId) {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: actionKeys.action(orgId, roundId, actionId) }),
      );
      return Item ? toAction(Item) : undefined;
    },
    async listForRound(orgId, roundId) {
      const actions = await query(orgId, actionKeys.roundPrefix(roundId), false);
      return actions.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    },
    listDone: (orgId) => query(orgId, actionKeys.prefix, true),
    async replace(action) {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: item(action),
            ConditionExpression: 'attribute_exists(pk)',
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },
    async delete(orgId, roundId, actionId) {
      const { Attributes } = await db.send(
        new DeleteCommand({
          TableName: tableName,
          Key: actionKeys.action(orgId, roundId, actionId),
          ReturnValues: 'ALL_OLD',
        }),
      );
      return Attributes !== undefined;
    },
  };
}
