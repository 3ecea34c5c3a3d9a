import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.js';
import type { TickTrigger } from '../../shared/tick/ports.js';
import { runTick } from '../../shared/tick/run-tick.js';
import { MIN_SLEEP_MS, STAY_AWAKE_MS, settleTickTrigger, wakeTick } from '../../shared/tick/tick-trigger.js';
import { manualClock } from '../support/clock.js';
import { enrolVerified } from '../support/enrol.js';
import { apiClient, startTestStack } from '../support/stack.js';

// The real tick, state item and work-queue index on dynalite; the trigger is the in-process one `npm start`
// uses, which records the mode the EventBridge rules would be put in.
const clock = manualClock(Date.parse('2027-02-20T10:00:00Z'));
let stack: LocalStack;
let trigger: LocalStack['tickTrigger'];
let org: Awaited<ReturnType<typeof enrolVerified>>;
const later = (ms: number) => clock.set(new Date(clock.now().getTime() + ms).toISOString());

beforeAll(async () => {
  stack = await startTestStack({ overrides: { clock } });
  trigger = stack.tickTrigger;
  org = await enrolVerified(stack, { language: 'en' });
  await apiClient(stack)('PUT', `/v1/organisations/${org.orgId}/respondents`, {
    key: org.adminKey,
    json: { respondents: [{ email: 'y1@example.org' }, { email: 'y2@example.org' }] },
  });
});
afterAll(() => stack.close());

describe('the tick between rounds', () => {
  it('stays awake after a wake, then sleeps until the next scheduled round, and wakes for it', async () => {
    await runTick(stack.deps);
    const justWoken = trigger.mode;
    later(STAY_AWAKE_MS + 60_000);
    await runTick(stack.deps);
    const asleep = trigger.mode;
    const dueBefore = trigger.due(new Date('2027-03-01T07:59:00Z'));
    clock.set('2027-03-01T08:00:00Z');
    const dueAt = trigger.due(clock.now());
    const stats = await runTick(stack.deps);

    expect(justWoken).toEqual({ everyMinute: true });
    expect(asleep).toEqual({ everyMinute: false, at: '2027-03-01T08:00:00.000Z' });
    expect(dueBefore).toBe(false);
    expect(dueAt).toBe(true);
    expect(stats).toMatchObject({ opened: 1, sent: 2 });
    expect(trigger.mode).toEqual({ everyMinute: true });
  });

  it('ends awake when a wake lands while the tick goes to sleep', async () => {
    const call = apiClient(stack);
    const rounds = await call('GET', `/v1/organisations/${org.orgId}/rounds`, { key: org.adminKey });
    await call('POST', `/v1/organisations/${org.orgId}/rounds/${rounds.json.rounds[0].id}/close`, {
      key: org.adminKey,
    });
    for (let i = 0; i < 3; i++) await runTick(stack.deps);
    later(STAY_AWAKE_MS + 60_000);
    // The API's whole wake (state, then rule) lands after the tick marked itself idle, before its rule change.
    const racing: TickTrigger = {
      everyMinute: () => trigger.everyMinute(),
      idleUntil: async (at) => {
        await wakeTick(stack.deps);
        await trigger.idleUntil(at);
      },
    };

    await runTick({ ...stack.deps, tickTrigger: racing });

    expect(trigger.mode).toEqual({ everyMinute: true });
    expect((await stack.deps.tickState.get()).idle).toBe(false);
  });

  it('is woken by an admin opening a round, before the next tick runs', async () => {
    later(STAY_AWAKE_MS + 60_000);
    await runTick(stack.deps);
    const asleep = trigger.mode;

    const opened = await apiClient(stack)('POST', `/v1/organisations/${org.orgId}/rounds`, {
      key: org.adminKey,
    });

    expect(asleep).toEqual({ everyMinute: false, at: '2027-09-01T07:00:00.000Z' });
    expect(opened.status).toBe(201);
    expect(trigger.mode).toEqual({ everyMinute: true });
    expect(await runTick(stack.deps)).toMatchObject({ sent: 2 });
  });

  it('puts the rule back to every minute on a busy run, even when the state already says awake', async () => {
    // As after a wake whose rule change failed: state awake, rule still on a one-off.
    await trigger.idleUntil('2099-01-01T00:00:00.000Z');
    await runTick(stack.deps);
    expect(trigger.mode).toEqual({ everyMinute: true });
  });

  it('does not go to sleep for an opening under two minutes away', async () => {
    later(STAY_AWAKE_MS + 60_000);
    const soon = new Date(clock.now().getTime() + MIN_SLEEP_MS - 1_000).toISOString();
    const deps = {
      ...stack.deps,
      organisations: { ...stack.deps.organisations, nextDueAt: async () => soon },
    };

    expect(await settleTickTrigger(deps, false)).toBe('active');
    expect(trigger.mode).toEqual({ everyMinute: true });
  });
});
