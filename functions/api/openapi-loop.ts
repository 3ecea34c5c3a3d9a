import { CreateActionSchema, UpdateActionSchema } from '../../shared/actions/action.js';
import type { Operation } from './openapi.js';

const errors = { 400: 'validation_failed', 401: 'unauthorised', 403: 'forbidden', 404: 'not_found' };
const actions = '/v1/organisations/{orgId}/rounds/{roundId}/actions';

/** The action loop and the answer codes (issue 17): listed here, spread into OPERATIONS. */
export const LOOP_OPERATIONS: Operation[] = [
  {
    method: 'post',
    path: actions,
    summary:
      'Record an action after a round: up to 500 characters naming a team or role, never a person (no e-mail addresses or phone numbers)',
    access: 'admin',
    body: {
      schema: CreateActionSchema,
      example: {
        text: 'Kundmöte varje vecka i hemtjänsten',
        segment: { department: 'Omsorg' },
        status: 'planned',
      },
    },
    responses: {
      201: '{ action }',
      ...errors,
      409: 'conflict: 50 actions a round at most',
      415: 'unsupported_media_type',
    },
  },
  {
    method: 'get',
    path: actions,
    summary: "A round's actions, oldest first",
    access: 'admin, analyst',
    responses: {
      200: '{ actions: [{ id, roundId, text, segment?, status, createdAt, updatedAt, doneAt? }] }',
      ...errors,
    },
  },
  {
    method: 'patch',
    path: `${actions}/{actionId}`,
    summary:
      'Change an action; marking it done puts it in the next invitations ("what we did since the last pulse")',
    access: 'admin',
    body: { schema: UpdateActionSchema, example: { status: 'done' } },
    responses: { 200: '{ action }', ...errors, 415: 'unsupported_media_type' },
  },
  {
    method: 'delete',
    path: `${actions}/{actionId}`,
    summary: 'Delete an action',
    access: 'admin',
    responses: { 204: 'deleted', ...errors },
  },
];
