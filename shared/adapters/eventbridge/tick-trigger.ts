import { EventBridgeClient, PutRuleCommand } from '@aws-sdk/client-eventbridge';
import type { TickTrigger } from '../../ports.js';

export interface TickRule {
  region: string;
  /** The tick's rule: `rate(1 minute)` while rounds run, a one-off `cron(…)` between them. */
  name: string;
}

const DESCRIPTION =
  'Kundpuls tick: every minute while rounds run; between rounds once, at the next scheduled round';

/** `cron(m h d M ? y)` in UTC for the minute of `iso`, rounded up so the run never comes early. */
export function cronAt(iso: string): string {
  const at = new Date(Math.ceil(new Date(iso).getTime() / 60_000) * 60_000);
  return `cron(${at.getUTCMinutes()} ${at.getUTCHours()} ${at.getUTCDate()} ${at.getUTCMonth() + 1} ? ${at.getUTCFullYear()})`;
}

/**
 * The tick's one EventBridge rule, created by CDK with the tick as its target. Only its schedule and state
 * change here, so the target (and its dead-letter queue) stays CDK's. One rule rather than two: whenever
 * CloudFormation updates it, it comes back as CDK wrote it, `rate(1 minute)`, which is a wake, never a
 * lost one-off.
 */
export function createEventBridgeTickTrigger(
  rule: TickRule,
  client = new EventBridgeClient({ region: rule.region }),
): TickTrigger {
  const put = (ScheduleExpression: string, State: 'ENABLED' | 'DISABLED') =>
    client.send(new PutRuleCommand({ Name: rule.name, Description: DESCRIPTION, ScheduleExpression, State }));
  return {
    async everyMinute() {
      await put('rate(1 minute)', 'ENABLED');
    },
    async idleUntil(at) {
      // Nothing scheduled: off until the API wakes it.
      await (at ? put(cronAt(at), 'ENABLED') : put('rate(1 minute)', 'DISABLED'));
    },
  };
}
