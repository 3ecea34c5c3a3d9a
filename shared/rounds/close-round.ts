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
 * Closes a round: links stop taking answers at once (the answer path reads the round), the organisation's
 * slot frees up, and the tick stores the figures and sends the report on its next run.
 */
export async function closeRound(
  deps: CloseDeps,
  orgId: string,
  roundId: string,
  early: boolean,
): Promise<Round> {
  const round = await deps.rounds.get(orgId, roundId);
  if (!round) throw notFound('Round');
  const now = deps.clock.now();
  if (early && !isOpen(round, now)) throw conflict('The round is already closed');
  const closedAt = round.closedAt ?? (early ? now.toISOString() : round.closesAt);
  await deps.rounds.close(orgId, roundId, closedAt);
  await deps.organisations.releaseOpenRound(orgId, roundId);
  return { ...round, closedAt };
}
