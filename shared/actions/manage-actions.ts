import type * as z from 'zod/mini';
import type { Clock } from '../common-ports.js';
import { conflict, notFound, validationFailed } from '../errors.js';
import type { RoundStore } from '../rounds/ports.js';
import type { Secrets } from '../security/secrets.js';
import { issuesOf } from '../validation.js';
import { type Action, CreateActionSchema, publicAction, segmentOf, UpdateActionSchema } from './action.js';
import type { ActionStore } from './ports.js';

export interface ActionDeps {
  actions: ActionStore;
  rounds: RoundStore;
  secrets: Secrets;
  clock: Clock;
}

/** A round's list stays short enough to read in one page and to set beside the next report. */
export const MAX_ACTIONS_PER_ROUND = 50;

function parse<S extends z.ZodMiniType>(schema: S, body: unknown): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw validationFailed('The action is not valid', issuesOf(parsed.error));
  return parsed.data as z.infer<S>;
}

async function requireRound(deps: ActionDeps, orgId: string, roundId: string) {
  if (!(await deps.rounds.get(orgId, roundId))) throw notFound('Round');
}

/**
 * Records what the organisation will do, or did, after a round. 1. validate (no e-mail addresses or phone
 * numbers: an action names a team or a role)  2. the round must be the organisation's  3. at most 50 a round
 * 4. write it under a new id.
 */
export async function createAction(deps: ActionDeps, orgId: string, roundId: string, body: unknown) {
  const input = parse(CreateActionSchema, body);
  await requireRound(deps, orgId, roundId);
  if ((await deps.actions.listForRound(orgId, roundId)).length >= MAX_ACTIONS_PER_ROUND)
    throw conflict(`A round holds at most ${MAX_ACTIONS_PER_ROUND} actions`);
  const now = deps.clock.now().toISOString();
  const segment = segmentOf(input.segment);
  const action: Action = {
    id: deps.secrets.newId('act'),
    orgId,
    roundId,
    text: input.text,
    ...(segment ? { segment } : {}),
    status: input.status,
    createdAt: now,
    updatedAt: now,
    ...(input.status === 'done' ? { doneAt: now } : {}),
  };
  await deps.actions.create(action);
  return publicAction(action);
}

export async function listActions(deps: ActionDeps, orgId: string, roundId: string) {
  await requireRound(deps, orgId, roundId);
  return (await deps.actions.listForRound(orgId, roundId)).map(publicAction);
}

/**
 * Changes an action. 1. validate  2. read it (404 when gone)  3. apply the change; marking it done stamps
 * doneAt, which orders "what we did since the last pulse"  4. replace it, unless it was deleted meanwhile.
 */
export async function updateAction(
  deps: ActionDeps,
  orgId: string,
  roundId: string,
  actionId: string,
  body: unknown,
) {
  const input = parse(UpdateActionSchema, body);
  const before = await deps.actions.get(orgId, roundId, actionId);
  if (!before) throw notFound('Action');
  const now = deps.clock.now().toISOString();
  const { segment: _segment, doneAt: _doneAt, ...rest } = before;
  const segment = input.segment === undefined ? before.segment : segmentOf(input.segment);
  const status = input.status ?? before.status;
  const doneAt = status !== 'done' ? undefined : before.status === 'done' ? before.doneAt : now;
  const after: Action = {
    ...rest,
    ...(input.text !== undefined ? { text: input.text } : {}),
    ...(segment ? { segment } : {}),
    status,
    ...(doneAt ? { doneAt } : {}),
    updatedAt: now,
  };
  if (!(await deps.actions.replace(after))) throw notFound('Action');
  return publicAction(after);
}

export async function deleteAction(deps: ActionDeps, orgId: string, roundId: string, actionId: string) {
  if (!(await deps.actions.delete(orgId, roundId, actionId))) throw notFound('Action');
}
