import { Hono } from 'hono';
import type { Deps } from '../../../shared/deps.js';
import { notFound } from '../../../shared/errors.js';
import { closeRoundEarly } from '../../../shared/rounds/close-round.js';
import { openRound } from '../../../shared/rounds/open-round.js';
import { OpenRoundSchema } from '../../../shared/rounds/round.js';
import { countInvitations, publicRound } from '../../../shared/rounds/round-view.js';
import { ADMIN, READERS, requireKey } from '../auth.js';
import type { AppEnv } from '../env.js';
import { readBody } from '../http.js';

export function roundRoutes(deps: Deps) {
  return new Hono<AppEnv>()
    .post('/:orgId/rounds', requireKey(deps, ADMIN), async (c) => {
      const hasBody = (c.req.header('content-length') ?? '0') !== '0' || c.req.header('content-type');
      const input = hasBody ? await readBody(c, OpenRoundSchema) : {};
      const round = await openRound(deps, c.req.param('orgId'), input.closesAt);
      return c.json({ round: publicRound(round, deps.clock.now()) }, 201);
    })
    .get('/:orgId/rounds', requireKey(deps, READERS), async (c) => {
      const rounds = await deps.rounds.list(c.req.param('orgId'));
      const now = deps.clock.now();
      return c.json({ rounds: rounds.map((round) => publicRound(round, now)) });
    })
    .get('/:orgId/rounds/:roundId', requireKey(deps, READERS), async (c) => {
      const round = await deps.rounds.get(c.req.param('orgId'), c.req.param('roundId'));
      if (!round) throw notFound('Round');
      const counts = await countInvitations(deps.invitations, round);
      return c.json({ round: publicRound(round, deps.clock.now(), counts) });
    })
    .post('/:orgId/rounds/:roundId/close', requireKey(deps, ADMIN), async (c) => {
      const round = await closeRoundEarly(deps, c.req.param('orgId'), c.req.param('roundId'));
      return c.json({ round: publicRound(round, deps.clock.now()) });
    });
}
