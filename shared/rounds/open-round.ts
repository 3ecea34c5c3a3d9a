import type { ActionStore } from '../actions/action-store.js';
import { withDoneActions } from '../actions/done-since-last-pulse.js';
import { conflict, DomainError, notFound } from '../errors.js';
import type { Logger } from '../logger.js';
import { nextRoundAt } from '../organisations/cadence.js';
import type { Organisation } from '../organisations/organisation.js';
import type { Clock, OrganisationStore, RoundStore, ValueListStore } from '../ports.js';
import type { Secrets } from '../security/secrets.js';
import { type TickTriggerDeps, wakeTick } from '../tick/tick-trigger.js';
import { resolveValueList } from '../values/resolve-value-list.js';
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

/**
 * Opens a round now (an admin's request). 1. only a verified organisation, with no round open  2. claim the
 * organisation's single open-round slot (conditional write)  3. write the round with its snapshot.
 * Invitations go out with the next tick, woken before the round is written (it may have been idle between
 * rounds). A slot whose round never got written (a crash) is taken over.
 */
export async function openRound(deps: RoundDeps, orgId: string, closesAt?: string): Promise<Round> {
  const org = await deps.organisations.get(orgId);
  if (!org) throw notFound('Organisation');
  if (!org.verified) throw new DomainError('conflict', 409, 'Verify the organisation before opening a round');
  const now = deps.clock.now();
  const closes = closesAt ? new Date(closesAt) : undefined;
  if (closes && closes.getTime() <= now.getTime() + 60 * 60_000)
    throw new DomainError('validation_failed', 400, 'closesAt must be at least an hour ahead', [
      { path: 'closesAt', message: 'Too soon' },
    ]);
  if (closes && closes.getTime() > now.getTime() + 90 * 86_400_000)
    throw new DomainError('validation_failed', 400, 'A round lasts at most 90 days', [
      { path: 'closesAt', message: 'Too late' },
    ]);

  if (org.openRoundId && (await deps.rounds.get(orgId, org.openRoundId)))
    throw conflict('A round is already open; close it first');
  if (org.openRoundId) await deps.organisations.releaseOpenRound(orgId, org.openRoundId);

  await wakeTick(deps);
  const round = await withDoneActions(
    deps,
    newRound(org, deps.secrets.newId('rnd'), 'manual', now, closes, await resolveValueList(deps, org)),
  );
  if (!(await deps.organisations.claimOpenRound(orgId, round.id)))
    throw conflict('A round is already open; close it first');
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
  if (await deps.organisations.claimOpenRound(org.id, roundId)) {
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
