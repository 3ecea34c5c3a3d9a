import { EventBridgeClient, PutRuleCommand } from '@aws-sdk/client-eventbridge';
import type { TickTrigger } from '../../tick/ports.js';

export interface TickRule {
  region: string;
  /** The tick's rule: `rate(1 minute)` while rounds run, a one-off `cron(…)` between them. */
  name: string;
}

const DESCRIPTION =
  'Kundpuls tick: every minute while rounds run; between rounds once, at the next scheduled round';

/**
 * A `cron` in UTC that fires every minute from `iso` (rounded up to its minute) to the end of that hour, or,
 * for an opening on the hour as cadences are, to the end of that day. Not one minute alone: the tick is not
 * retried by Lambda, so if the run at the opening fails the next minute's tries again; the first run that
 * succeeds puts the rule back to every minute anyway.
 */
export function cronFrom(iso: string): string {
  const at = new Date(Math.ceil(new Date(iso).getTime() / 60_000) * 60_000);
  const [minute, hour] = [at.getUTCMinutes(), at.getUTCHours()];
  const [minutes, hours] = minute === 0 ? ['*', `${hour}-23`] : [`${minute}-59`, String(hour)];
  return `cron(${minutes} ${hours} ${at.getUTCDate()} ${at.getUTCMonth() + 1} ? ${at.getUTCFullYear()})`;
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
      await (at ? put(cronFrom(at), 'ENABLED') : put('rate(1 minute)', 'DISABLED'));
    },
  };
}
