import type { Action } from './action.js';

/** Where actions are kept; the DynamoDB adapter owns the keys. */
export interface ActionStore {
  /** Writes a new action; fails with a conflict when the id is taken. */
  create(action: Action): Promise<void>;
  get(orgId: string, roundId: string, actionId: string): Promise<Action | undefined>;
  /** A round's actions, oldest first. */
  listForRound(orgId: string, roundId: string): Promise<Action[]>;
  /** Every action of the organisation marked done (a few a round), in no particular order. */
  listDone(orgId: string): Promise<Action[]>;
  /** Replaces the action if it still exists; false when it is gone. */
  replace(action: Action): Promise<boolean>;
  /** False when there was no such action. */
  delete(orgId: string, roundId: string, actionId: string): Promise<boolean>;
}
