import type { Clock } from '../common-ports.js';
import { notFound } from '../errors.js';
import type { InvitationStore, RoundStore } from './ports.js';
import { countInvitations, publicRound } from './round-view.js';

interface ReadDeps {
  rounds: RoundStore;
  invitations: InvitationStore;
  clock: Clock;
}

/** An organisation's rounds, newest first, as the API shows them (no counts: those page through invitations). */
export async function listRounds(deps: Omit<ReadDeps, 'invitations'>, orgId: string) {
  const now = deps.clock.now();
  return (await deps.rounds.list(orgId)).map((round) => publicRound(round, now));
}

/** One round with its counts: invited, answered, suppressed, response rate. 1. read it (404)  2. count. */
export async function readRound(deps: ReadDeps, orgId: string, roundId: string) {
  const round = await deps.rounds.get(orgId, roundId);
  if (!round) throw notFound('Round');
  return publicRound(round, deps.clock.now(), await countInvitations(deps.invitations, round));
}
