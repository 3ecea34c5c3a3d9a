import { reminderKind } from '../rounds/invitation.js';
import { openScheduledRound } from '../rounds/open-round.js';
import { isOpen, type Round } from '../rounds/round.js';
import { createInvitations } from './create-invitations.js';
import { isThrottling } from './deliver-mail.js';
import { finishClosedRound } from './finish-closed-round.js';
import { runMailPass } from './mail-pass.js';
import { sendProgressMail } from './progress-report.js';
import { startTickRun, type TickDeps, type TickRun } from './tick-deps.js';
import { settleTickTrigger } from './tick-trigger.js';

/**
 * One tick: 1. open the scheduled rounds that are due  2. for each active round, take the next step it needs:
 * create invitations, mail them, remind (with a progress mail to the admin first), or close it and report.
 * Every step is idempotent and resumable, so two ticks at once or a tick killed half-way lose and repeat nothing.
 */
export async function runTick(tickDeps: TickDeps) {
  // One correlation id on every line of this run, whether a Lambda invocation or the local server's timer.
  const deps = { ...tickDeps, logger: tickDeps.logger.child({ correlation_id: crypto.randomUUID() }) };
  const run = startTickRun(deps);
  const due = await deps.organisations.listDue(deps.clock.now().toISOString(), 100);
  const active = await deps.rounds.listActive(500);
  const busy = due.length > 0 || active.length > 0;
  // Woken by the one-off rule at a scheduled opening: run every minute again before anything else, so a tick
  // that fails half-way is followed by another.
  if (busy) await settleTickTrigger(deps, true);
  for (const org of due) {
    if (await openScheduledRound(deps, org)) run.stats.opened++;
  }
  // Rounds opened just now are mailed in this same run.
  for (const { orgId, roundId } of run.stats.opened > 0 ? await deps.rounds.listActive(500) : active) {
    if (!run.hasTime()) break;
    const round = await deps.rounds.get(orgId, roundId);
    if (!round) continue;
    try {
      await advanceRound(deps, run, round);
    } catch (error) {
      deps.logger.error('round step failed; the next tick retries', {
        orgId,
        roundId,
        error,
      });
      if (isThrottling(error)) break;
    }
  }
  try {
    // A busy run made sure of every minute at its start; only a quiet one may go to sleep.
    if (!busy) await settleTickTrigger(deps, false);
  } catch (error) {
    // Failing to go idle leaves the tick running every minute: costs a little, loses nothing.
    deps.logger.warn('tick trigger unchanged', { error });
  }
  deps.logger.info('tick finished', { ...run.stats });
  return run.stats;
}

async function advanceRound(deps: TickDeps, run: TickRun, round: Round): Promise<void> {
  const now = deps.clock.now();
  if (!isOpen(round, now)) return finishClosedRound(deps, run, round);
  if (!round.progress.invitationsCreated && !(await createInvitations(deps, run, round))) return;
  if (!round.progress.inviteDone && !(await runMailPass(deps, run, round, 'invite'))) return;
  for (const [index, at] of round.snapshot.remindAt.entries()) {
    const kind = reminderKind(index);
    if (now.toISOString() < at || round.progress[`${kind}Done`]) continue;
    await sendProgressMail(deps, run, round, index + 1);
    if (!(await runMailPass(deps, run, round, kind))) return;
  }
}
