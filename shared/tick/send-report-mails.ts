import { reportMail } from '../mail/report-mail.js';
import { readTrend } from '../reports/read-reports.js';
import type { Round } from '../rounds/round.js';
import { MAIL_LEASE_MS } from './deliver-mail.js';
import type { TickDeps, TickRun } from './tick-deps.js';

/**
 * The report e-mail, once per recipient per round: each send is claimed on the round item first, so a rerun
 * or a second tick sends only what is still unsent. Throws if one failed, leaving the round for the next tick.
 */
export async function sendReportMails(deps: TickDeps, run: TickRun, round: Round): Promise<void> {
  const report = await deps.reports.get(round.orgId, round.id);
  if (!report) return;
  const trend = await readTrend(deps, round.orgId);
  const jsonUrl = `${deps.publicUrl}/v1/organisations/${round.orgId}/rounds/${round.id}/report`;
  const recipients = round.snapshot.reportRecipients;
  for (const [index, recipient] of recipients.entries()) {
    const now = deps.clock.now();
    const mail = `report-${index}`;
    if (
      !(await deps.rounds.claimRoundMail(
        round.orgId,
        round.id,
        mail,
        now.toISOString(),
        new Date(now.getTime() + MAIL_LEASE_MS).toISOString(),
      ))
    )
      continue;
    try {
      await run.nextMailSlot();
      await deps.mailer.send(reportMail(recipient, round.snapshot.orgName, report, trend, jsonUrl));
      await deps.rounds.settleRoundMail(round.orgId, round.id, mail, true);
      run.stats.reports++;
    } catch (error) {
      await deps.rounds.settleRoundMail(round.orgId, round.id, mail, false);
      deps.logger.warn('report mail not sent', {
        orgId: round.orgId,
        roundId: round.id,
        error,
      });
      throw error;
    }
  }
}
