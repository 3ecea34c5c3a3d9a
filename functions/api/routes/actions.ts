import { CreateActionSchema, UpdateActionSchema } from '../../../shared/actions/action.js';
import {
  createAction,
  deleteAction,
  listActions,
  updateAction,
} from '../../../shared/actions/manage-actions.js';
import { ACTION_EXAMPLE, ActionListSchema, OneActionSchema } from '../responses/action.js';
import { apiRoute } from '../route-table/api-route.js';
import { ADMIN, READERS } from '../route-table/operation.js';

const actions = '/v1/organisations/{orgId}/rounds/{roundId}/actions';
const INVALID = 'The action is not valid';

/** The action loop: what the organisation will do, or did, after a round. Admins write; analysts read. */
export const actionRoutes = [
  apiRoute({
    method: 'post',
    path: actions,
    summary:
      'Record an action after a round: up to 500 characters naming a team or role, never a person (no e-mail addresses or phone numbers)',
    roles: ADMIN,
    body: {
      schema: CreateActionSchema,
      invalid: INVALID,
      example: {
        text: 'Kundmöte varje vecka i hemtjänsten',
        segment: { department: 'Omsorg' },
        status: 'planned',
      },
    },
    responses: {
      201: { description: 'The action', schema: OneActionSchema, example: { action: ACTION_EXAMPLE } },
    },
    errors: { 409: 'conflict: 50 actions a round at most' },
    handle: async ({ c, deps, params, body }) =>
      c.json({ action: await createAction(deps, params.orgId, params.roundId, body) }, 201),
  }),
  apiRoute({
    method: 'get',
    path: actions,
    summary: "A round's actions, oldest first",
    roles: READERS,
    responses: {
      200: { description: 'The actions', schema: ActionListSchema, example: { actions: [ACTION_EXAMPLE] } },
    },
    handle: async ({ c, deps, params }) =>
      c.json({ actions: await listActions(deps, params.orgId, params.roundId) }),
  }),
  apiRoute({
    method: 'patch',
    path: `${actions}/{actionId}`,
    summary:
      'Change an action; marking it done puts it in the next invitations ("what we did since the last pulse")',
    roles: ADMIN,
    body: { schema: UpdateActionSchema, invalid: INVALID, example: { status: 'done' } },
    responses: {
      200: {
        description: 'The action as changed',
        schema: OneActionSchema,
        example: { action: { ...ACTION_EXAMPLE, status: 'done', doneAt: '2027-04-02T10:00:00.000Z' } },
      },
    },
    handle: async ({ c, deps, params, body }) =>
      c.json({ action: await updateAction(deps, params.orgId, params.roundId, params.actionId, body) }),
  }),
  apiRoute({
    method: 'delete',
    path: `${actions}/{actionId}`,
    summary: 'Delete an action',
    roles: ADMIN,
    responses: { 204: { description: 'Deleted' } },
    handle: async ({ c, deps, params }) => {
      await deleteAction(deps, params.orgId, params.roundId, params.actionId);
      return c.body(null, 204);
    },
  }),
];
