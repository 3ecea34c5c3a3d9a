import { CreateActionSchema, UpdateActionSchema } from '../../shared/actions/action.js';
import type { Operation } from './openapi-operation.js';

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
  {
    method: 'get',
    path: '/v1/organisations/{orgId}/rounds/{roundId}/codes',
    summary:
      'The personal answer codes of staff without e-mail, while the round is open: a sheet to print (one slip a person: code, short URL, QR code), or CSV',
    access: 'admin',
    query: { format: 'html (default) or csv' },
    responses: { 200: 'text/html sheet, or text/csv', ...errors, 409: 'conflict: the round has closed' },
  },
  {
    method: 'get',
    path: '/k',
    summary: 'The kiosk: type an answer code (`?code=` fills it in, as the QR code does)',
    access: 'public',
    responses: { 200: 'page' },
  },
  {
    method: 'post',
    path: '/k',
    summary:
      'Open the form of a code (`code`), or, with `step=answer` and the form fields, submit or replace the answer',
    access: 'public',
    responses: {
      200: "the code's form, or thanks",
      400: 'form with errors',
      404: 'unknown code',
      410: 'round closed',
      415: 'unsupported_media_type',
      429: 'too many unknown codes',
    },
  },
];
