import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.js';
import type { OutgoingMail } from '../../shared/mail/ports.js';
import { QUOTA_BATCH_MS, QUOTA_BURST_MS } from '../../shared/tick/mail-quota.js';
import { runTick } from '../../shared/tick/run-tick.js';
import { LANES } from '../../shared/tick/serve-rounds.js';
import { manualClock } from '../support/clock.js';
import { countingMailer, orgOfAddress, seedOrganisationWithRound } from '../support/many-organisations.js';
import { startTestStack } from '../support/stack.js';

const clock = manualClock(Date.parse('2027-03-01T08:00:00Z'));
/** Sleeping moves the clock to the sleeper's wake time (never back): concurrent sleepers overlap, as real ones do. */
const sleep = async (ms: number) => {
  const wake = clock.now().getTime() + ms;
  await new Promise((resolve) => setImmediate(resolve));
  if (wake > clock.now().getTime()) clock.set(new Date(wake).toISOString());
};
let stack: LocalStack;
let seeded = 0;

beforeAll(async () => {
  stack = await startTestStack({ overrides: { clock } });
});
afterAll(() => stack.close());

/** `count` organisations opening now, with ids that sort after `prefix` and before later ones. */
async function organisations(count: number, respondents: number, prefix = 'org_m') {
  const batch = ++seeded;
  const ids = Array.from({ length: count }, (_, i) => `${prefix}${batch}x${String(i).padStart(4, '0')}`);
  const opened = [];
  for (let i = 0; i < ids.length; i += 20)
    opened.push(
      ...(await Promise.all(
        ids
          .slice(i, i + 20)
          .map((orgId) =>
            seedOrganisationWithRound(stack.deps, { orgId, respondents, opensAt: clock.now() }),
          ),
      )),
    );
  return opened;
}

/** One organisation opening now. */
async function organisation(respondents: number, prefix: string) {
  const [org] = await organisations(1, respondents, prefix);
  if (!org) throw new Error('not seeded');
  return org;
}

const invitationsOf = (sent: OutgoingMail[]) => sent.filter((mail) => mail.purpose === 'invite');

describe('many organisations in one round at once', () => {
  it('closes and reminds other organisations while a large round is still sending its invitations', {
    timeout: 300_000,
  }, async () => {
    const start = clock.now();
    const reminding = await organisation(5, 'org_r');
    const closing = await organisation(5, 'org_s');
    const closesAt = new Date(start.getTime() + 86_400_000);
    await stack.deps.rounds.close(closing.orgId, closing.roundId, closesAt.toISOString());
    await runTick({ ...stack.deps, mailer: countingMailer(), mailRatePerSecond: 1_000_000 });
    clock.advanceDays(6); // past the first reminder day (5), inside the 14-day window
    const large = await organisation(120, 'org_0'); // sorts first on the work queue
    const mailer = countingMailer();

    await runTick({ ...stack.deps, mailer, sleep, mailRatePerSecond: 5, tickBudgetMs: 10_000 });
    const to = (orgId: string, purpose: string) =>
      mailer.sent.filter((mail) => mail.purpose === purpose && orgOfAddress(mail.to) === orgId.toLowerCase());

    expect(to(large.orgId, 'invite').length).toBeGreaterThan(0);
    expect(to(large.orgId, 'invite').length).toBeLessThan(120);
    expect(to(reminding.orgId, 'reminder1')).toHaveLength(5);
    expect(mailer.sent.some((mail) => mail.purpose === 'progress')).toBe(true);
    expect((await stack.deps.rounds.get(closing.orgId, closing.roundId))?.progress.figuresStored).toBe(true);
    const active = (await stack.deps.rounds.listActive()).items.map((ref) => ref.roundId);
    expect(active).not.toContain(closing.roundId);
    // Finish the rounds so the tests after this one have the work queue to themselves.
    for (const org of [reminding, large])
      await stack.deps.rounds.close(org.orgId, org.roundId, clock.now().toISOString());
    await runTick({ ...stack.deps, mailer: countingMailer(), mailRatePerSecond: 1_000_000 });
    expect((await stack.deps.rounds.listActive()).items).toEqual([]);
  });

  it('shares the send rate across rounds: every organisation gets its first invitation in the first rotation', {
    timeout: 300_000,
  }, async () => {
    const orgs = await organisations(24, 15);
    const mailer = countingMailer();

    // At half a mail a second over 24 rounds, the first rotation (30 s) gives each round one mail a turn and the
    // later ones (300 s) seven: 1 + 7 + 7.
    await runTick({ ...stack.deps, mailer, sleep, mailRatePerSecond: 0.5, tickBudgetMs: 1_000_000 });
    const order = invitationsOf(mailer.sent).map((mail) => orgOfAddress(mail.to));
    const first = orgs.map((org) => order.indexOf(org.orgId.toLowerCase()));
    const last = orgs.map((org) => order.lastIndexOf(org.orgId.toLowerCase()));

    expect(order).toHaveLength(360);
    // Up to LANES rounds take their turns at once, so a rotation's edge blurs by at most that many mails.
    expect(Math.max(...first)).toBeLessThan(24 + LANES);
    expect(Math.min(...last)).toBeGreaterThanOrEqual(360 - 24 * 7 - LANES);
  });

  it('lets two workers share one send rate without a duplicate mail', { timeout: 300_000 }, async () => {
    const orgs = await organisations(10, 10);
    const rate = 50;
    const [a, b] = [countingMailer(), countingMailer()];
    const times: number[] = [];
    const timed = (mailer: ReturnType<typeof countingMailer>) => ({
      send: async (mail: OutgoingMail) => {
        times.push(clock.now().getTime());
        return mailer.send(mail);
      },
    });

    await Promise.all([
      runTick({ ...stack.deps, mailer: timed(a), sleep, mailRatePerSecond: rate, tickBudgetMs: 600_000 }),
      runTick({ ...stack.deps, mailer: timed(b), sleep, mailRatePerSecond: rate, tickBudgetMs: 600_000 }),
    ]);
    const ours = new Set(orgs.map((org) => org.orgId.toLowerCase()));
    const sent = [...invitationsOf(a.sent), ...invitationsOf(b.sent)]
      .map((mail) => mail.to)
      .filter((to) => ours.has(orgOfAddress(to) ?? ''));
    const span = ((times.at(-1) as number) - (times[0] as number)) / 1000;

    expect(sent).toHaveLength(orgs.length * 10);
    expect(new Set(sent).size).toBe(sent.length);
    expect(invitationsOf(a.sent).length).toBeGreaterThan(0);
    expect(invitationsOf(b.sent).length).toBeGreaterThan(0);
    // The bucket's burst, plus what each worker may hold from its last take, above the rate over the span.
    const slack = (rate * (QUOTA_BURST_MS + 2 * QUOTA_BATCH_MS)) / 1000 + 2;
    expect(sent.length).toBeLessThanOrEqual(rate * span + slack);
    expect(sent.length).toBeGreaterThanOrEqual(rate * span * 0.8);
  });

  // Long only on a loaded machine: 520 rounds are some 15,000 requests to the in-process dynalite (over 10 minutes at load 26).
  it('serves every active round, more than 500 of them, in one tick', { timeout: 1_200_000 }, async () => {
    const orgs = await organisations(520, 1);
    const mailer = countingMailer();

    const pages: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await stack.deps.rounds.listActive(cursor, 100);
      pages.push(page.items.length);
      cursor = page.cursor;
    } while (cursor);
    await runTick({ ...stack.deps, mailer, mailRatePerSecond: 1_000_000 });

    expect(pages.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(520);
    expect(pages.length).toBeGreaterThanOrEqual(6);
    const served = new Set(invitationsOf(mailer.sent).map((mail) => orgOfAddress(mail.to)));
    expect(orgs.every((org) => served.has(org.orgId.toLowerCase()))).toBe(true);
    expect(invitationsOf(mailer.sent)).toHaveLength(520);
  });
});
