import type { Organisation } from '../organisations/organisation.js';
import { openScheduledRound } from '../rounds/open-round.js';
import { type RoundRef, serveRounds } from './serve-rounds.js';
import { startTickRun, type TickDeps, type TickRun } from './tick-deps.js';
import { settleTickTrigger } from './tick-trigger.js';

const DUE_PAGE = 100;

/**
 * One tick, one worker (several may run at once: docs/decisions.md, issue 18): 1. open every scheduled round
 * that is due  2. read the whole work queue, page by page  3. serve the active rounds in rotation, each taking
 * the next step it needs: create invitations, mail them, remind (with a progress mail to the admin first), or
 * close it and report. Every step is idempotent and resumable, so two ticks at once or a tick killed half-way
 * lose and repeat nothing; mail leaves at the account-wide rate every worker takes its slots from.
 */
export async function runTick(tickDeps: TickDeps) {
  // One correlation id on every line of this run, whether a Lambda invocation or the local server's timer.
  const deps = { ...tickDeps, logger: tickDeps.logger.child({ correlation_id: crypto.randomUUID() }) };
  const run = startTickRun(deps);
  const firstDue = await deps.organisations.listDue(deps.clock.now().toISOString(), DUE_PAGE);
  let active = await activeRounds(deps);
  const busy = firstDue.length > 0 || active.length > 0;
  // Woken by the one-off rule at a scheduled opening: run every minute again before anything else, so a tick
  // that fails half-way is followed by another.
  if (busy) await settleTickTrigger(deps, true);
  await openDueRounds(deps, run, firstDue);
  // Rounds opened just now are mailed in this same run.
  if (run.stats.opened > 0) active = await activeRounds(deps);
  await serveRounds(deps, run, active);
  try {
    // A busy run made sure of every minute at its start; only a quiet one may go to sleep.
    if (!busy) await settleTickTrigger(deps, false);
  } catch (error) {
    // Failing to go idle leaves the tick running every minute: costs a little, loses nothing.
    deps.logger.warn('tick trigger unchanged', { error });
  }
  deps.logger.info('tick finished', { ...run.stats, activeRounds: active.length });
  return run.stats;
}

/** Every round on the work queue: no cap, however many organisations opened in the same minute. */
async function activeRounds(deps: TickDeps): Promise<RoundRef[]> {
  const rounds: RoundRef[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.rounds.listActive(cursor);
    rounds.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return rounds;
}

/**
 * Opens every due organisation's round, a page at a time: an opened (or skipped) occurrence leaves the due list,
 * so the next read returns the rest. Stops at a page that brings no organisation not seen already.
 */
async function openDueRounds(deps: TickDeps, run: TickRun, first: Organisation[]): Promise<void> {
  const seen = new Set<string>();
  let due = first;
  while (due.some((org) => !seen.has(org.id)) && run.hasTime()) {
    for (const org of due) {
      if (seen.has(org.id)) continue;
      seen.add(org.id);
      if (await openScheduledRound(deps, org)) run.stats.opened++;
    }
    if (due.length < DUE_PAGE) return;
    due = await deps.organisations.listDue(deps.clock.now().toISOString(), DUE_PAGE);
  }
}
