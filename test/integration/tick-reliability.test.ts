import { SESClient, SendRawEmailCommand } from '@aws-sdk/client-ses';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.js';
import { createMemoryMailQuotaStore } from '../../shared/adapters/memory/tick-state.js';
import { createSesMailer } from '../../shared/adapters/ses/ses-mailer.js';
import { runTick } from '../../shared/tick/run-tick.js';
import { manualClock } from '../support/clock.js';
import { countByRecipient, organisationWithOpenRound } from '../support/round-setup.js';
import { clearMail, sentMail, startTestStack } from '../support/stack.js';

const clock = manualClock(Date.parse('2027-02-01T08:00:00Z'));
let stack: LocalStack;
let realSes: SESClient;

beforeAll(async () => {
  stack = await startTestStack({ overrides: { clock } });
  realSes = new SESClient({
    endpoint: stack.sesUrl,
    region: 'eu-north-1',
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
  });
});
afterAll(() => stack.close());
beforeEach(() => clearMail(stack));

/** A mailer whose SES client passes the first `passes` sends to the emulator, then fails as `failure` says. */
function faultyMailer(passes: number, failure: () => Error, failOnce = false) {
  const client = new SESClient({
    region: 'eu-north-1',
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
  });
  let calls = 0;
  mockClient(client)
    .on(SendRawEmailCommand)
    .callsFake(async (input) => {
      calls++;
      if (calls > passes && (!failOnce || calls === passes + 1)) throw failure();
      return realSes.send(new SendRawEmailCommand(input));
    });
  return createSesMailer(client, { region: 'eu-north-1', from: 'pulse@kundpuls.local' });
}

const throttled = () => Object.assign(new Error('Maximum sending rate exceeded.'), { name: 'Throttling' });
const internal = () =>
  Object.assign(new Error('We encountered an internal error.'), { name: 'InternalFailure' });

describe('the tick under concurrency and faults', () => {
  it('sends each invitation exactly once when two ticks run at the same time', async () => {
    const org = await organisationWithOpenRound(stack, 30);

    await Promise.all([runTick(stack.deps), runTick(stack.deps)]);
    const counts = countByRecipient(await sentMail(stack));

    expect(counts.size).toBe(30);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    await stack.deps.rounds.close(org.orgId, org.roundId, clock.now().toISOString());
    await runTick(stack.deps);
  });

  it('stops at SES throttling half-way and the next tick sends the rest, none twice', async () => {
    const org = await organisationWithOpenRound(stack, 25);

    const first = await runTick({ ...stack.deps, mailer: faultyMailer(10, throttled) });
    const afterFirst = (await sentMail(stack)).length;
    await runTick(stack.deps);
    const counts = countByRecipient(await sentMail(stack));

    expect(first.sent).toBe(10);
    // Sends in flight with the one throttled fail too (at most 8), and are released for the next run.
    expect(first.failed).toBeGreaterThanOrEqual(1);
    expect(first.failed).toBeLessThanOrEqual(8);
    expect(afterFirst).toBe(10);
    expect(counts.size).toBe(25);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    await stack.deps.rounds.close(org.orgId, org.roundId, clock.now().toISOString());
    await runTick(stack.deps);
  });

  it('releases a mail SES failed on, and a rerun sends it: nobody skipped, nobody twice', async () => {
    const org = await organisationWithOpenRound(stack, 12);

    await runTick({ ...stack.deps, mailer: faultyMailer(4, internal, true) });
    const afterFailure = countByRecipient(await sentMail(stack)).size;
    await runTick(stack.deps);
    const counts = countByRecipient(await sentMail(stack));
    const view = await org.call('GET', `/v1/organisations/${org.orgId}/rounds/${org.roundId}`, {
      key: org.adminKey,
    });

    // The pass stops at the page holding the failed mail; the rest waits for the next run.
    expect(afterFailure).toBeLessThan(12);
    expect(counts.size).toBe(12);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(view.json.round.invited).toBe(12);
    await stack.deps.rounds.close(org.orgId, org.roundId, clock.now().toISOString());
    await runTick(stack.deps);
  });

  it('stops within its time budget and resumes where it stopped', async () => {
    const org = await organisationWithOpenRound(stack, 20);
    let sends = 0;
    // Each send moves the clock a second on; a 5-second budget therefore ends the run after about five.
    const slowMailer = {
      send: async (mail: Parameters<typeof stack.deps.mailer.send>[0]) => {
        sends++;
        clock.set(new Date(clock.now().getTime() + 1000).toISOString());
        return stack.deps.mailer.send(mail);
      },
    };

    const first = await runTick({ ...stack.deps, mailer: slowMailer, tickBudgetMs: 5000 });
    await runTick(stack.deps);
    const counts = countByRecipient(await sentMail(stack));

    expect(first.sent).toBeGreaterThanOrEqual(4);
    // The budget stops new work; sends already in flight (at most 8) finish.
    expect(first.sent).toBeLessThanOrEqual(6 + 8);
    expect(sends).toBe(first.sent);
    expect(counts.size).toBe(20);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    await stack.deps.rounds.close(org.orgId, org.roundId, clock.now().toISOString());
    await runTick(stack.deps);
  });

  it('paces mail at the configured rate', async () => {
    const org = await organisationWithOpenRound(stack, 10);
    const waits: number[] = [];
    const sleep = async (ms: number) => {
      waits.push(ms);
      clock.set(new Date(clock.now().getTime() + ms).toISOString());
    };

    // A bucket of its own: the table's was drained at another rate by the tests before.
    await runTick({ ...stack.deps, sleep, mailRatePerSecond: 2, mailQuota: createMemoryMailQuotaStore() });

    expect(countByRecipient(await sentMail(stack)).size).toBe(10);
    // Ten sends at 2 a second: nine gaps of 500 ms, less whatever time the work itself took (none on this clock).
    expect(waits.reduce((a, b) => a + b, 0)).toBe(4500);
    await stack.deps.rounds.close(org.orgId, org.roundId, clock.now().toISOString());
    await runTick(stack.deps);
  });
});
