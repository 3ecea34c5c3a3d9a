import {
  DisableRuleCommand,
  EnableRuleCommand,
  EventBridgeClient,
  PutRuleCommand,
} from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { createEventBridgeTickTrigger, cronAt } from '../../shared/adapters/eventbridge/tick-trigger.js';

// No EventBridge emulator runs here: these check the calls against the API's shapes, and what a failure does.
const eventBridge = mockClient(EventBridgeClient);
afterEach(() => eventBridge.reset());
const rules = {
  region: 'eu-north-1',
  everyMinute: 'kundpuls-prod-tick',
  nextDue: 'kundpuls-prod-tick-next-due',
};
const calls = () =>
  eventBridge.calls().map((call) => [call.args[0].constructor.name, call.args[0].input] as const);

describe('the EventBridge tick trigger', () => {
  it('turns the every-minute rule on to wake', async () => {
    await createEventBridgeTickTrigger(rules, new EventBridgeClient({ region: 'eu-north-1' })).everyMinute();
    expect(calls()).toEqual([[EnableRuleCommand.name, { Name: 'kundpuls-prod-tick' }]]);
  });

  it('sets the one-off rule at the due minute before turning the every-minute rule off', async () => {
    await createEventBridgeTickTrigger(rules, new EventBridgeClient({ region: 'eu-north-1' })).idleUntil(
      '2027-09-01T07:00:00.000Z',
    );
    expect(calls()).toEqual([
      [
        PutRuleCommand.name,
        expect.objectContaining({
          Name: 'kundpuls-prod-tick-next-due',
          ScheduleExpression: 'cron(0 7 1 9 ? 2027)',
          State: 'ENABLED',
        }),
      ],
      [DisableRuleCommand.name, { Name: 'kundpuls-prod-tick' }],
    ]);
  });

  it('disables the one-off rule when nothing is scheduled', async () => {
    await createEventBridgeTickTrigger(rules, new EventBridgeClient({ region: 'eu-north-1' })).idleUntil(
      undefined,
    );
    expect(calls()[0]?.[1]).toMatchObject({ Name: 'kundpuls-prod-tick-next-due', State: 'DISABLED' });
  });

  it('keeps the tick running every minute when the one-off rule cannot be set', async () => {
    eventBridge
      .on(PutRuleCommand)
      .rejects(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }));
    const trigger = createEventBridgeTickTrigger(
      rules,
      new EventBridgeClient({ region: 'eu-north-1', maxAttempts: 1 }),
    );

    await expect(trigger.idleUntil('2027-09-01T07:00:00.000Z')).rejects.toThrow('Rate exceeded');
    expect(calls().map(([name]) => name)).toEqual([PutRuleCommand.name]);
  });

  it('rounds the due time up to its minute, in UTC', () => {
    expect(cronAt('2027-03-01T07:59:30.000Z')).toBe('cron(0 8 1 3 ? 2027)');
    expect(cronAt('2027-12-31T23:59:01.000Z')).toBe('cron(0 0 1 1 ? 2028)');
  });
});
