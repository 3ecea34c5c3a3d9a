import { progressMail } from '../mail/progress-mail.js';
import { segmentTurnout } from '../reports/participation.js';
import type { Round } from '../rounds/round.js';
import { tallyInvitations } from '../rounds/round-view.js';
import { MAIL_LEASE_MS } from './deliver-mail.js';
import type { TickDeps, TickRun } from './tick-deps.js';

/** Once per reminder, before it goes out: the admin contact learns the response rate while it can be mended. */
export async function sendProgressMail(
  deps: TickDeps,
  run: TickRun,
  round: Round,
  reminder: number,
): Promise<void> {
  const now = deps.clock.now();
  const mail = `progress${reminder}`;
  const leaseUntil = new Date(now.getTime() + MAIL_LEASE_MS).toISOString();
  if (!(await deps.rounds.claimRoundMail(round.orgId, round.id, mail, now.toISOString(), leaseUntil))) return;
  try {
    // Per group only what points at no one: see segmentTurnout.
    const { counts, cells } = await tallyInvitations(deps.invitations, round);
    const segments = segmentTurnout(cells.values(), round.snapshot.anonymityThreshold, {
      invited: round.erasedInvitations ?? 0,
      answered: round.erasedAnswered ?? 0,
    }).rows;
    await run.nextMailSlot();
    await deps.mailer.send(
      progressMail(
        round.snapshot,
        counts.invited,
        counts.answered,
        segments,
        `${deps.publicUrl}/v1/organisations/${round.orgId}/rounds/${round.id}`,
      ),
    );
    await deps.rounds.settleRoundMail(round.orgId, round.id, mail, true);
    run.stats.sent++;
  } catch (error) {
    await deps.rounds.settleRoundMail(round.orgId, round.id, mail, false);
    deps.logger.warn('progress mail not sent', {
      orgId: round.orgId,
      roundId: round.id,
      error,
    });
    throw error;
  }
}
