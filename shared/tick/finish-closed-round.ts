import { storeRoundFigures } from '../reports/store-round-figures.js';
import { closeEndedRound } from '../rounds/close-round.js';
import type { Round } from '../rounds/round.js';
import { sendReportMails } from './send-report-mails.js';
import type { TickDeps, TickRun } from './tick-deps.js';

/**
 * A round whose window ended (or that an admin closed): 1. record the close and free the organisation's slot
 * 2. compute and store its figures once  3. mail the report to each recipient once  4. take it off the work queue.
 */
export async function finishClosedRound(deps: TickDeps, run: TickRun, round: Round): Promise<void> {
  const closed = await closeEndedRound(deps, round.orgId, round.id);
  if (!round.progress.figuresStored) {
    await storeRoundFigures(deps, closed);
    await deps.rounds.updateProgress(round.orgId, round.id, { figuresStored: true });
  }
  await sendReportMails(deps, run, closed);
  await deps.rounds.finish(round.orgId, round.id);
  run.stats.closed++;
  deps.logger.info('round closed', { orgId: round.orgId, roundId: round.id });
}
