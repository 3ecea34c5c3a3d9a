import { progressMail, type SegmentProgress } from '../mail/progress-mail.js';
import { SEGMENT_FIELDS } from '../respondents/respondent.js';
import type { Round } from '../rounds/round.js';
import { countInvitations } from '../rounds/round-view.js';
import { MAIL_LEASE_MS } from './deliver-mail.js';
import type { TickDeps, TickRun } from './tick-deps.js';

/** Participation per segment value, from one pass over the invitations; groups under k are left out. */
async function segmentProgress(deps: TickDeps, round: Round): Promise<SegmentProgress[]> {
  const groups = new Map<string, SegmentProgress>();
  let cursor: string | undefined;
  do {
    const page = await deps.invitations.page(round.id, cursor, 500);
    for (const invitation of page.items) {
      if (invitation.mails.invite?.state !== 'sent') continue;
      for (const dimension of SEGMENT_FIELDS) {
        const value = invitation.segments[dimension];
        if (!value) continue;
        const id = `${dimension}\u0000${value}`;
        const group = groups.get(id) ?? { dimension, value, invited: 0, answered: 0 };
        group.invited++;
        if (invitation.answered) group.answered++;
        groups.set(id, group);
      }
    }
    cursor = page.cursor;
  } while (cursor);
  return [...groups.values()]
    .filter((group) => group.invited >= round.snapshot.anonymityThreshold)
    .sort((a, b) => a.dimension.localeCompare(b.dimension) || a.value.localeCompare(b.value));
}

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
    const counts = await countInvitations(deps.invitations, round);
    const segments = await segmentProgress(deps, round);
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
