import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.js';
import { runTick } from '../../shared/tick/run-tick.js';
import { chaosDeps } from '../support/chaos.js';
import { manualClock } from '../support/clock.js';
import { countByRecipient, organisationWithOpenRound } from '../support/round-setup.js';
import { clearMail, linkIn, sentMail, startTestStack } from '../support/stack.js';

const clock = manualClock(Date.parse('2027-06-01T08:00:00Z'));
let stack: LocalStack;
const STRESS = process.env.STRESS === '1';
const SCENARIOS = STRESS ? 400 : 24;

beforeAll(async () => {
  stack = await startTestStack({ overrides: { clock }, env: { MAIL_RATE_PER_SECOND: '1000' } });
});
afterAll(() => stack.close());

/** Runs ticks with healthy deps, each past every lease, then past the window, until the round has reported. */
async function recover(orgId: string, roundId: string) {
  for (let i = 0; i < 10; i++) {
    clock.set(new Date(clock.now().getTime() + 11 * 60_000).toISOString());
    await runTick(stack.deps);
    if (i === 2) clock.advanceDays(15);
    if (
      (await stack.deps.rounds.get(orgId, roundId))?.progress.figuresStored &&
      (await stack.deps.rounds.listActive()).items.every((r) => r.roundId !== roundId)
    )
      return;
  }
  throw new Error('round never finished');
}

describe('a tick killed at random points and run again', () => {
  it(`sends every invitation and report, loses no answer, and duplicates only in the documented window (${SCENARIOS} scenarios)`, async () => {
    const outcomes = { scenarios: 0, duplicatesInWindow: 0 };
    for (let scenario = 0; scenario < SCENARIOS; scenario++) {
      await clearMail(stack);
      const org = await organisationWithOpenRound(stack, 3, {
        anonymityThreshold: 3,
        commentThreshold: 3,
        cadence: 'manual',
      });
      // A clean first tick sends invitations; answers go in; then the window ends and the killed tick runs.
      const invitePhase = scenario % 2 === 0;
      const when = scenario % 4 < 2 ? 'before' : 'after';
      const killAt = 1 + Math.floor(Math.random() * 40);
      if (!invitePhase) {
        await runTick(stack.deps);
        for (const mail of await sentMail(stack))
          await org.call('POST', linkIn(mail.body.text, /\/r\/[\w.-]+/), { json: { rank: 20 } });
        clock.advanceDays(15);
      }
      const chaos = chaosDeps(stack.deps, killAt, when);
      await runTick(chaos.deps).catch(() => undefined);
      await recover(org.orgId, org.roundId);

      const mails = await sentMail(stack);
      const invites = countByRecipient(
        mails.filter(
          (m) =>
            !m.subject.startsWith('Rapport') &&
            !m.subject.startsWith('Påminnelse') &&
            m.destination.to[0] !== org.contactEmail,
        ),
      );
      const reports = mails.filter((m) => m.subject.startsWith('Rapport')).length;
      const report = await stack.deps.reports.get(org.orgId, org.roundId);
      // The documented window: a kill while mails are in flight (SES took them, the record was not yet
      // written) resends those, at most the 8 in flight, once each. Nobody is ever skipped.
      const duplicates = [...invites.values()].filter((n) => n > 1).length + (reports > 1 ? 1 : 0);
      expect(invites.size, `scenario ${scenario} killed ${when} ${chaos.record.killedIn}`).toBe(3);
      expect(
        [...invites.values()].every((n) => n <= 2),
        `killed ${when} ${chaos.record.killedIn}: ${[...invites.values()]}`,
      ).toBe(true);
      expect(
        reports === 1 || reports === 2,
        `reports ${reports} killed ${when} ${chaos.record.killedIn}`,
      ).toBe(true);
      expect(duplicates).toBeLessThanOrEqual(8);
      if (duplicates > 0)
        expect(chaos.record.killedIn, 'duplicates only after a kill amid sending').toMatch(
          /^(mailer\.send|invitations\.settleMail|rounds\.settleRoundMail|tokens\.put|invitations\.claimMail)$/,
        );
      if (!invitePhase) expect(report?.answered).toBe(3);
      if (duplicates > 0) outcomes.duplicatesInWindow++;
      outcomes.scenarios++;
      clock.advanceDays(20);
    }
    console.info(
      `chaos: ${outcomes.scenarios} kill scenarios survived, ${outcomes.duplicatesInWindow} in the send-then-record window`,
    );
    expect(outcomes.scenarios).toBe(SCENARIOS);
  }, 240_000);
});
