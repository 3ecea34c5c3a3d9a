import { Duration } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface SchedulerProps {
  /** The tick; give it reserved concurrency 1 so ticks run one at a time. */
  tick: lambda.IFunction;
  /** Where events EventBridge could not hand to Lambda go (the tick's own failure queue). */
  deadLetterQueue: sqs.IQueue;
}

/**
 * Runs the tick every minute. Every tick step is idempotent and resumable (docs/decisions.md 11), so a
 * tick that is skipped, killed or overlaps loses nothing; the next one picks the work up from the table.
 * With reserved concurrency 1 a tick that fires while another still runs waits at most a minute in
 * Lambda's queue and then expires: the next scheduled one supersedes it.
 */
export class Scheduler extends Construct {
  readonly rule: events.Rule;

  constructor(scope: Construct, id: string, props: SchedulerProps) {
    super(scope, id);
    this.rule = new events.Rule(this, 'EveryMinute', {
      description: 'Kundpuls tick: open due rounds, send invitations and reminders, close rounds, report',
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
}
