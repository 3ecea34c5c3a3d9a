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

async function roundToClose(deps: CloseDeps, orgId: string, roundId: string): Promise<Round> {
  const round = await deps.rounds.get(orgId, roundId);
  if (!round) throw notFound('Round');
  return round;
}

/** Records the close and frees the organisation's slot for its next round. */
async function recordClose(deps: CloseDeps, round: Round, closedAt: string): Promise<Round> {
  await deps.rounds.close(round.orgId, round.id, closedAt);
  await deps.organisations.releaseOpenRound(round.orgId, round.id);
  return { ...round, closedAt };
}

/**
 * An admin closes a round before its time. 1. find it (404)  2. refuse a closed one (409)  3. record the close
 * now: links stop taking answers at once (the answer path reads the round), and the tick stores the figures and
 * sends the report on its next run.
 */
export async function closeRoundNow(deps: CloseDeps, orgId: string, roundId: string): Promise<Round> {
  const round = await roundToClose(deps, orgId, roundId);
  const now = deps.clock.now();
  if (!isOpen(round, now)) throw conflict('The round is already closed');
  return recordClose(deps, round, round.closedAt ?? now.toISOString());
}

/** The tick closes a round whose window ended (or that an admin closed): at the time it closed, again safely. */
export async function closeEndedRound(deps: CloseDeps, orgId: string, roundId: string): Promise<Round> {
  const round = await roundToClose(deps, orgId, roundId);
  return recordClose(deps, round, round.closedAt ?? round.closesAt);
}
