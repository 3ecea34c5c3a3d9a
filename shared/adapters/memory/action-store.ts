import type { Action } from '../../actions/action.js';
import type { ActionStore } from '../../actions/ports.js';
import { conflict } from '../../errors.js';
import { copy } from './copy.js';

export function createMemoryActionStore(): ActionStore {
  const actions = new Map<string, Action>();
  const id = (orgId: string, roundId: string, actionId: string) => `${orgId}#${roundId}#${actionId}`;
  const all = (orgId: string) => [...actions.values()].filter((action) => action.orgId === orgId);
  return {
    async create(action) {
      const key = id(action.orgId, action.roundId, action.id);
      if (actions.has(key)) throw conflict('An action with this id exists');
      actions.set(key, copy(action));
    },
    async get(orgId, roundId, actionId) {
      const action = actions.get(id(orgId, roundId, actionId));
      return action && copy(action);
    },
    async listForRound(orgId, roundId) {
      return all(orgId)
        .filter((action) => action.roundId === roundId)
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
        .map(copy);
    },
    async listDone(orgId) {
      return all(orgId)
        .filter((action) => action.status === 'done')
        .map(copy);
    },
    async replace(action) {
      const key = id(action.orgId, action.roundId, action.id);
      if (!actions.has(key)) return false;
      actions.set(key, copy(action));
      return true;
    },
    async delete(orgId, roundId, actionId) {
      return actions.delete(id(orgId, roundId, actionId));
    },
  };
}
