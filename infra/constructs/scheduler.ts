import { Duration, Stack } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/**
 * Tick workers that may run at once (the tick's reserved concurrency): the every-minute rule starts one more each
 * minute while earlier ones still send, up to this many, all taking their slots from the table's send bucket,
 * so together they keep to `MAIL_RATE_PER_SECOND` (docs/decisions.md, issue 18). One worker sends ~170 mails/s;
 * four cover an SES quota of about 600/s. Nothing runs between rounds: the rule sleeps (decision 22).
 */
export const TICK_WORKERS = 4;

export interface SchedulerProps {
  /** `kundpuls-<stage>`: the rules get fixed names, which the functions find in their environment. */
  namePrefix: string;
  /** The tick; give it reserved concurrency TICK_WORKERS so that many workers at most share the send rate. */
  tick: lambda.Function;
  /** Where events EventBridge could not hand to Lambda go (the tick's own failure queue). */
  deadLetterQueue: sqs.IQueue;
}

/**
 * The rule that runs the tick (docs/decisions.md 22), `<prefix>-tick`: `rate(1 minute)` as CDK writes it;
 * between rounds the tick itself turns it into a one-off `cron` at the next scheduled round (or off), and the
 * API puts it back to every minute when it gives the tick work. Whenever CloudFormation updates the rule it
 * comes back as written here, which is a wake, never a lost one-off. Every tick step is idempotent and
 * resumable (decision 11), so a tick that is skipped, killed or overlaps loses nothing. Each minute's event
 * starts one more worker while fewer than TICK_WORKERS run; past that it waits at most a minute in Lambda's
 * queue and then expires: the next one supersedes it.
 */
export class Scheduler extends Construct {
  readonly rule: events.Rule;
  private readonly ruleName: string;

  constructor(scope: Construct, id: string, props: SchedulerProps) {
    super(scope, id);
    this.ruleName = `${props.namePrefix}-tick`;
    this.rule = new events.Rule(this, 'EveryMinute', {
      ruleName: this.ruleName,
      description:
        'Kundpuls tick: every minute while rounds run; between rounds once, at the next scheduled round',
      schedule: events.Schedule.rate(Duration.minutes(1)),
    });
    this.rule.addTarget(
      new targets.LambdaFunction(props.tick, {
        retryAttempts: 2,
        // A tick older than a minute is worth nothing: the next one is already on its way.
        maxEventAge: Duration.minutes(1),
        deadLetterQueue: props.deadLetterQueue,
      }),
    );
  }

  /**
   * Lets a function change the rule's schedule and state (the tick, to sleep; the API, to wake it). By name
   * and a formatted ARN, not references: the rule targets the tick, so the tick referring back to it would
   * be a circular dependency.
   */
  grantReschedule(fn: lambda.Function): void {
    fn.addEnvironment('TICK_RULE_NAME', this.ruleName);
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'TickRule',
        actions: ['events:PutRule'],
        resources: [
          Stack.of(this).formatArn({ service: 'events', resource: 'rule', resourceName: this.ruleName }),
        ],
      }),
    );
  }
}
