import type { Clock } from '../common-ports.js';
import { conflict, notFound } from '../errors.js';
import type { OrganisationStore } from '../organisations/ports.js';
import type { RoundStore } from './ports.js';
import { isOpen, type Round } from './round.js';

interface CloseDeps {
  organisations: OrganisationStore;
  rounds: RoundStore;
  clock: Clock;
}

/**
 * An admin closes an open round now. 1. find the round  2. refuse one already closed  3. record the close:
 * links stop taking answers at once (the answer path reads the round), the organisation's slot frees up, and
 * the tick stores the figures and sends the report on its next run.
 */
export async function closeRoundEarly(deps: CloseDeps, orgId: string, roundId: string): Promise<Round> {
  const round = await found(deps, orgId, roundId);
  const now = deps.clock.now();
  if (!isOpen(round, now)) throw conflict('The round is already closed');
  return recordClose(deps, round, round.closedAt ?? now.toISOString());
}

/**
 * The tick closes a round whose window ended, or finishes one an admin closed: 1. find the round  2. record the
 * close at the time it happened (an admin's close, else the end of the window); a rerun changes nothing.
 */
export async function closeEndedRound(deps: CloseDeps, orgId: string, roundId: string): Promise<Round> {
  const round = await found(deps, orgId, roundId);
  return recordClose(deps, round, round.closedAt ?? round.closesAt);
}

async function found(deps: CloseDeps, orgId: string, roundId: string): Promise<Round> {
  const round = await deps.rounds.get(orgId, roundId);
  if (!round) throw notFound('Round');
  return round;
}

async function recordClose(deps: CloseDeps, round: Round, closedAt: string): Promise<Round> {
  await deps.rounds.close(round.orgId, round.id, closedAt);
  await deps.organisations.releaseOpenRound(round.orgId, round.id);
  return { ...round, closedAt };
}
