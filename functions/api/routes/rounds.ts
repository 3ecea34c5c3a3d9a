import { closeRoundEarly } from '../../../shared/rounds/close-round.js';
import { openRound } from '../../../shared/rounds/open-round.js';
import { listRounds, readRound } from '../../../shared/rounds/read-rounds.js';
import { OpenRoundSchema } from '../../../shared/rounds/round.js';
import { publicRound } from '../../../shared/rounds/round-view.js';
import { COUNTED_ROUND_EXAMPLE, OneRoundSchema, ROUND_EXAMPLE, RoundListSchema } from '../responses/round.js';
import { apiRoute } from '../route-table/api-route.js';
import { ADMIN, READERS } from '../route-table/operation.js';

export const roundRoutes = [
  apiRoute({
    method: 'post',
    path: '/v1/organisations/{orgId}/rounds',
    summary: 'Open a round now; invitations go out with the next tick',
    roles: ADMIN,
    body: { schema: OpenRoundSchema, example: { closesAt: '2027-03-15T16:00:00Z' }, optional: true },
    responses: {
      201: { description: 'The round', schema: OneRoundSchema, example: { round: ROUND_EXAMPLE } },
    },
    errors: { 409: 'conflict: not verified, or a round is open' },
    handle: async ({ c, deps, params, body }) => {
      const round = await openRound(deps, params.orgId, body?.closesAt);
      return c.json({ round: publicRound(round, deps.clock.now()) }, 201);
    },
  }),
  apiRoute({
    method: 'get',
    path: '/v1/organisations/{orgId}/rounds',
    summary: 'List rounds, newest first',
    roles: READERS,
    responses: {
      200: { description: 'The rounds', schema: RoundListSchema, example: { rounds: [ROUND_EXAMPLE] } },
    },
    handle: async ({ c, deps, params }) => c.json({ rounds: await listRounds(deps, params.orgId) }),
  }),
  apiRoute({
    method: 'get',
    path: '/v1/organisations/{orgId}/rounds/{roundId}',
    summary: 'A round: status, invited, answered, suppressed, responseRate',
    roles: READERS,
    responses: {
      200: {
        description: 'The round and its counts',
        schema: OneRoundSchema,
        example: COUNTED_ROUND_EXAMPLE,
      },
    },
    handle: async ({ c, deps, params }) =>
      c.json({ round: await readRound(deps, params.orgId, params.roundId) }),
  }),
  apiRoute({
    method: 'post',
    path: '/v1/organisations/{orgId}/rounds/{roundId}/close',
    summary: 'Close a round now; the report follows with the next tick',
    roles: ADMIN,
    responses: {
      200: {
        description: 'The round, closed',
        schema: OneRoundSchema,
        example: { round: { ...ROUND_EXAMPLE, status: 'closed', closedAt: '2027-03-10T12:00:00.000Z' } },
      },
    },
    errors: { 409: 'conflict: already closed' },
    handle: async ({ c, deps, params }) => {
      const round = await closeRoundEarly(deps, params.orgId, params.roundId);
      return c.json({ round: publicRound(round, deps.clock.now()) });
    },
  }),
];
