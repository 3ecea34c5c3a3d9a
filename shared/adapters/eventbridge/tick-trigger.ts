import {
  DisableRuleCommand,
  EnableRuleCommand,
  EventBridgeClient,
  PutRuleCommand,
} from '@aws-sdk/client-eventbridge';
import type { TickTrigger } from '../../ports.js';

export interface TickRules {
  region: string;
  /** The `rate(1 minute)` rule: enabled while work is under way. */
  everyMinute: string;
  /** A one-off `cron(…)` rule at the next scheduled round; disabled when none is scheduled. */
  nextDue: string;
}

/** `cron(m h d M ? y)` in UTC for the minute of `iso`, rounded up so the run never comes early. */
export function cronAt(iso: string): string {
  const at = new Date(Math.ceil(new Date(iso).getTime() / 60_000) * 60_000);
  return `cron(${at.getUTCMinutes()} ${at.getUTCHours()} ${at.getUTCDate()} ${at.getUTCMonth() + 1} ? ${at.getUTCFullYear()})`;
}

/**
 * The tick's two EventBridge rules, both created by CDK with the tick as their target. Only their state and
 * the one-off rule's expression change here, so the targets (and their dead-letter queue) stay CDK's.
 */
export function createEventBridgeTickTrigger(
  rules: TickRules,
  client = new EventBridgeClient({ region: rules.region }),
) {
  return {
    async everyMinute() {
      await client.send(new EnableRuleCommand({ Name: rules.everyMinute }));
    },
    async idleUntil(at) {
      await client.send(
        new PutRuleCommand({
          Name: rules.nextDue,
          Description: 'Kundpuls tick: once, when the next scheduled round is due (set by the tick)',
          ...(at
            ? { ScheduleExpression: cronAt(at), State: 'ENABLED' as const }
            : { ScheduleExpression: 'cron(0 0 1 1 ? 2099)', State: 'DISABLED' as const }),
        }),
      );
      await client.send(new DisableRuleCommand({ Name: rules.everyMinute }));
    },
  } satisfies TickTrigger;
}
