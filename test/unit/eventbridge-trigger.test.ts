import { EventBridgeClient, PutRuleCommand } from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { createEventBridgeTickTrigger, cronFrom } from '../../shared/adapters/eventbridge/tick-trigger.js';

// No EventBridge emulator runs here: these check the calls against the API's shapes, and what a failure does.
const eventBridge = mockClient(EventBridgeClient);
afterEach(() => eventBridge.reset());
const rule = { region: 'eu-north-1', name: 'kundpuls-prod-tick' };
const trigger = (maxAttempts = 3) =>
  createEventBridgeTickTrigger(rule, new EventBridgeClient({ region: 'eu-north-1', maxAttempts }));
const puts = () => eventBridge.commandCalls(PutRuleCommand).map((call) => call.args[0].input);

describe('the EventBridge tick trigger', () => {
  it('puts the rule back to every minute, enabled, to wake', async () => {
    await trigger().everyMinute();
    expect(puts()).toEqual([
      expect.objectContaining({
        Name: 'kundpuls-prod-tick',
        ScheduleExpression: 'rate(1 minute)',
        State: 'ENABLED',
      }),
    ]);
    expect(eventBridge.calls()).toHaveLength(1);
  });

  it('sets the rule to fire from the due minute on (retrying a failed run), between rounds', async () => {
    await trigger().idleUntil('2027-09-01T07:00:00.000Z');
    expect(puts()).toEqual([
      expect.objectContaining({
        Name: 'kundpuls-prod-tick',
        ScheduleExpression: 'cron(* 7-23 1 9 ? 2027)',
        State: 'ENABLED',
      }),
    ]);
  });

  it('turns the rule off when no round is scheduled', async () => {
    await trigger().idleUntil(undefined);
    expect(puts()).toEqual([expect.objectContaining({ Name: 'kundpuls-prod-tick', State: 'DISABLED' })]);
  });

  it('fails loudly when EventBridge refuses, so the tick stays as it was', async () => {
    eventBridge
      .on(PutRuleCommand)
      .rejects(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }));
    await expect(trigger(1).idleUntil('2027-09-01T07:00:00.000Z')).rejects.toThrow('Rate exceeded');
  });

  it('starts at the due time rounded up to its minute, in UTC, and keeps firing to the end of the hour or day', () => {
    expect(cronFrom('2027-03-01T07:59:30.000Z')).toBe('cron(* 8-23 1 3 ? 2027)');
    expect(cronFrom('2027-12-31T23:59:01.000Z')).toBe('cron(* 0-23 1 1 ? 2028)');
    expect(cronFrom('2027-06-10T12:30:00.000Z')).toBe('cron(30-59 12 10 6 ? 2027)');
  });
});
