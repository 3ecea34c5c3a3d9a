import { Duration, Stack } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface SchedulerProps {
  /** `kundpuls-<stage>`: the rules get fixed names, which the functions find in their environment. */
  namePrefix: string;
  /** The tick; give it reserved concurrency 1 so ticks run one at a time. */
  tick: lambda.Function;
  /** Where events EventBridge could not hand to Lambda go (the tick's own failure queue). */
  deadLetterQueue: sqs.IQueue;
}

/**
 * Two rules run the tick (docs/decisions.md 22): `<prefix>-tick`, every minute while rounds are under way,
 * and `<prefix>-tick-next-due`, a one-off cron the tick sets to the next scheduled round before it turns the
 * first off between rounds; the API turns the first on again when it gives the tick work. Every tick step is
 * idempotent and resumable (decision 11), so a tick that is skipped, killed or overlaps loses nothing.
 * With reserved concurrency 1 a tick that fires while another still runs waits at most a minute in Lambda's
 * queue and then expires: the next one supersedes it.
 */
export class Scheduler extends Construct {
  readonly everyMinute: events.Rule;
  readonly nextDue: events.Rule;
  private readonly everyMinuteName: string;
  private readonly nextDueName: string;

  constructor(scope: Construct, id: string, props: SchedulerProps) {
    super(scope, id);
    this.everyMinuteName = `${props.namePrefix}-tick`;
    this.nextDueName = `${props.namePrefix}-tick-next-due`;
    const target = () =>
      new targets.LambdaFunction(props.tick, {
        retryAttempts: 2,
        // A tick older than a minute is worth nothing: the next one is already on its way.
        maxEventAge: Duration.minutes(1),
        deadLetterQueue: props.deadLetterQueue,
      });
    this.everyMinute = new events.Rule(this, 'EveryMinute', {
      ruleName: this.everyMinuteName,
      description: 'Kundpuls tick: open due rounds, send invitations and reminders, close rounds, report',
      schedule: events.Schedule.rate(Duration.minutes(1)),
    });
    this.everyMinute.addTarget(target());
    this.nextDue = new events.Rule(this, 'NextDue', {
      ruleName: this.nextDueName,
      description: 'Kundpuls tick: once, when the next scheduled round is due (set by the tick)',
      // A placeholder until the tick first goes idle and sets the real time.
      schedule: events.Schedule.expression('cron(0 0 1 1 ? 2099)'),
      enabled: false,
    });
    this.nextDue.addTarget(target());
  }

  /** Lets the API wake the tick: turn the every-minute rule on. */
  grantWake(fn: lambda.Function): void {
    this.bind(fn, [
      new iam.PolicyStatement({
        sid: 'WakeTick',
        actions: ['events:EnableRule'],
        resources: [this.arnOf(this.everyMinuteName)],
      }),
    ]);
  }

  /** Lets the tick switch itself between every minute and the one-off rule. */
  grantSleep(fn: lambda.Function): void {
    this.bind(fn, [
      new iam.PolicyStatement({
        sid: 'TickEveryMinute',
        actions: ['events:EnableRule', 'events:DisableRule'],
        resources: [this.arnOf(this.everyMinuteName)],
      }),
      new iam.PolicyStatement({
        sid: 'TickNextDue',
        actions: ['events:PutRule'],
        resources: [this.arnOf(this.nextDueName)],
      }),
    ]);
  }

  // Names and ARNs as plain strings, not references to the rules: the rules target the tick, so the tick's
  // environment and policy referring back to them would be a circular dependency.
  private bind(fn: lambda.Function, statements: iam.PolicyStatement[]): void {
    fn.addEnvironment('TICK_RULE_NAME', this.everyMinuteName);
    fn.addEnvironment('TICK_NEXT_DUE_RULE_NAME', this.nextDueName);
    for (const statement of statements) fn.addToRolePolicy(statement);
  }

  private arnOf(ruleName: string): string {
    return Stack.of(this).formatArn({ service: 'events', resource: 'rule', resourceName: ruleName });
  }
}
