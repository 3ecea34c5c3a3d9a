import { errorName } from '../logger.js';
import { reportChartSvg, reportMail } from '../mail/report-mail.js';
import { readTrend } from '../reports/read-reports.js';
import type { Round } from '../rounds/round.js';
import { MAIL_LEASE_MS } from './deliver-mail.js';
import type { TickDeps, TickRun } from './tick-deps.js';

/**
 * The report e-mail, once per recipient per round: each send is claimed on the round item first, so a rerun
 * or a second tick sends only what is still unsent. Throws if one failed, leaving the round for the next tick.
 * The chart is rendered once for all recipients; a chart that fails to render leaves it out of the mail (the
 * figures are all in the tables) rather than holding the report back.
 */
export async function sendReportMails(deps: TickDeps, run: TickRun, round: Round): Promise<void> {
  const report = await deps.reports.get(round.orgId, round.id);
  if (!report) return;
  const trend = await readTrend(deps, round.orgId);
  const jsonUrl = `${deps.publicUrl}/v1/organisations/${round.orgId}/rounds/${round.id}/report`;
  const recipients = round.snapshot.reportRecipients;
  let chart: Uint8Array | undefined | null = null;
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
      chart = chart === null ? await renderChart(deps, round, reportChartSvg(report, trend)) : chart;
      await run.nextMailSlot();
      await deps.mailer.send(reportMail(recipient, round.snapshot.orgName, report, trend, jsonUrl, chart));
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

async function renderChart(deps: TickDeps, round: Round, svg: string | undefined) {
  if (!svg) return undefined;
  try {
    return await deps.charts.png(svg);
  } catch (error) {
    deps.logger.warn('report chart not rendered', {
      orgId: round.orgId,
      roundId: round.id,
      error: errorName(error),
    });
    return undefined;
  }
}
