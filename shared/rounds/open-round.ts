import { withDoneActions } from '../actions/done-since-last-pulse.js';
import type { ActionStore } from '../actions/ports.js';
import type { Clock } from '../common-ports.js';
import { conflict, DomainError, notFound } from '../errors.js';
import type { Logger } from '../logger.js';
import { nextRoundAt } from '../organisations/cadence.js';
import type { Organisation } from '../organisations/organisation.js';
import type { OrganisationStore } from '../organisations/ports.js';
import type { Secrets } from '../security/secrets.js';
import { type TickTriggerDeps, wakeTick } from '../tick/tick-trigger.js';
import type { ValueListStore } from '../values/ports.js';
import { resolveValueList } from '../values/resolve-value-list.js';
import type { RoundStore } from './ports.js';
import { newRound, type Round, scheduledRoundId } from './round.js';

export interface RoundDeps extends TickTriggerDeps {
  organisations: OrganisationStore;
  rounds: RoundStore;
  valueLists: ValueListStore;
  actions: ActionStore;
  secrets: Secrets;
  clock: Clock;
  logger: Logger;
}

/** Longer than any request or tick can take between claiming the slot and writing its round. */
export const STALE_CLAIM_MS = 10 * 60_000;

/**
 * Claims the organisation's single open-round slot for `roundId` with a conditional write. A slot held by a
 * round that does not exist is either being opened right now (another request claimed it a moment ago and is
 * about to write the round) or was left by a crash between the two writes: it is taken over only once its claim
 * is older than STALE_CLAIM_MS, and only if it still names that round, so two openers never both win.
 */
async function claimSlot(deps: RoundDeps, orgId: string, roundId: string, now: Date): Promise<boolean> {
  const at = now.toISOString();
  if (await deps.organisations.claimOpenRound(orgId, roundId, at)) return true;
  const holder = await deps.organisations.get(orgId);
  const heldBy = holder?.openRoundId;
  if (!heldBy || (await deps.rounds.get(orgId, heldBy))) return false;
  const claimedAt = Date.parse(holder.openRoundClaimedAt ?? '1970-01-01T00:00:00Z');
  if (now.getTime() - claimedAt < STALE_CLAIM_MS) return false;
  deps.logger.warn('stale open-round slot reclaimed', { orgId, roundId: heldBy });
  return deps.organisations.reclaimOpenRound(orgId, heldBy, roundId, at);
}

/**
 * Opens a round now (an admin's request). 1. only a verified organisation  2. claim the organisation's single
 * open-round slot (claimSlot: a conditional write; 409 when a round holds it)  3. write the round with its
 * snapshot. Invitations go out with the next tick, woken before the round is written (it may have been idle
 * between rounds). The slot is freed when the round closes (closeRoundEarly, closeEndedRound).
 */
export async function openRound(deps: RoundDeps, orgId: string, closesAt?: string): Promise<Round> {
  const org = await deps.organisations.get(orgId);
  if (!org) throw notFound('Organisation');
  if (!org.verified) throw new DomainError('conflict', 'Verify the organisation before opening a round');
  const now = deps.clock.now();
  const closes = closesAt ? new Date(closesAt) : undefined;
  if (closes && closes.getTime() <= now.getTime() + 60 * 60_000)
    throw new DomainError('validation_failed', 'closesAt must be at least an hour ahead', [
      { path: 'closesAt', message: 'Too soon' },
    ]);
  if (closes && closes.getTime() > now.getTime() + 90 * 86_400_000)
    throw new DomainError('validation_failed', 'A round lasts at most 90 days', [
      { path: 'closesAt', message: 'Too late' },
    ]);

  if (org.openRoundId && (await deps.rounds.get(orgId, org.openRoundId)))
    throw conflict('A round is already open; close it first');

  await wakeTick(deps);
  const round = await withDoneActions(
    deps,
    newRound(org, deps.secrets.newId('rnd'), 'manual', now, closes, await resolveValueList(deps, org)),
  );
  if (!(await claimSlot(deps, orgId, round.id, now)))
    throw conflict('A round is already open or being opened; close it first');
  await deps.rounds.create(round);
  deps.logger.info('round opened', { orgId, roundId: round.id, trigger: 'manual' });
  return round;
}

/**
 * Opens the scheduled round of an organisation whose date has come. Idempotent: the round id derives from the
 * scheduled time, the slot claim accepts the same id again, and the schedule only moves on from where it was.
 * If an admin's round is open at that time, this occurrence is skipped rather than stacked.
 */
export async function openScheduledRound(deps: RoundDeps, org: Organisation): Promise<Round | undefined> {
  const scheduledAt = org.nextRoundAt;
  if (!scheduledAt || !org.verified) return undefined;
  const roundId = scheduledRoundId(scheduledAt);
  const next = nextRoundAt(org.cadence, org.timezone, new Date(scheduledAt))?.toISOString();
  let round: Round | undefined;
  if (await claimSlot(deps, org.id, roundId, deps.clock.now())) {
    round = await withDoneActions(
      deps,
      newRound(
        org,
        roundId,
        'scheduled',
        new Date(scheduledAt),
        undefined,
        await resolveValueList(deps, org),
      ),
    );
    if (await deps.rounds.create(round))
      deps.logger.info('round opened', { orgId: org.id, roundId, trigger: 'scheduled' });
  } else {
    deps.logger.info('scheduled round skipped: another round is open', { orgId: org.id, roundId });
  }
  await deps.organisations.advanceSchedule(org.id, scheduledAt, next);
  return round;
}
