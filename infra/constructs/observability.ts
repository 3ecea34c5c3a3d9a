import { Duration } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface WatchedFunction {
  /** Short name used in alarm ids and descriptions, e.g. `Api`. */
  name: string;
  fn: lambda.IFunction;
  /** Throttles are how the tick runs one at a time, so they are not alarmed there. */
  throttlesExpected?: boolean;
  /** Asynchronous functions: alarm when Lambda cannot hand a failed event to its failure queue. */
  async?: boolean;
}

export interface ObservabilityProps {
  functions: WatchedFunction[];
  /** Queues whose every message is an event that was lost to its handler: any message alarms. */
  failureQueues: { name: string; queue: sqs.IQueue }[];
  httpApi: apigw.HttpApi;
  /** Subscribed to the alarm topic when given. */
  alarmEmail?: string;
}

/** SES suspends sending at 10 % bounces and 0.5 % complaints; these alarm well before (AWS's advice). */
export const SES_BOUNCE_RATE_THRESHOLD = 0.05;
export const SES_COMPLAINT_RATE_THRESHOLD = 0.001;

/**
 * Alarms, all to one SNS topic: function errors and throttles, failed asynchronous invocations, API 5xx,
 * and the SES account's bounce and complaint rates. (JSON logs with retention are set per function by
 * NodeFunction and for the API's access logs by Api.)
 */
export class Observability extends Construct {
  readonly alarmTopic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: ObservabilityProps) {
    super(scope, id);
    this.alarmTopic = new sns.Topic(this, 'Alarms', { displayName: 'Kundpuls alarms', enforceSSL: true });
    if (props.alarmEmail) this.alarmTopic.addSubscription(new EmailSubscription(props.alarmEmail));
    const fiveMinutes = Duration.minutes(5);

    for (const { name, fn, throttlesExpected, async } of props.functions) {
      this.alarm(`${name}Errors`, `${name} function errors`, fn.metricErrors({ period: fiveMinutes }), 1);
      if (!throttlesExpected) {
        this.alarm(
          `${name}Throttles`,
          `${name} invocations throttled`,
          fn.metricThrottles({ period: fiveMinutes }),
          1,
        );
      }
      if (async) {
        this.alarm(
          `${name}DestinationDeliveryFailures`,
          `${name}: failed events could not be sent to the failure queue`,
          fn.metric('DestinationDeliveryFailures', { statistic: 'Sum', period: fiveMinutes }),
          1,
        );
      }
    }
    for (const { name, queue } of props.failureQueues) {
      this.alarm(
        `${name}FailedInvocations`,
        `${name}: events that failed every attempt wait in the failure queue`,
        queue.metricApproximateNumberOfMessagesVisible({ statistic: 'Maximum', period: fiveMinutes }),
        1,
      );
    }
    this.alarm(
      'Api5xx',
      'HTTP API answered 5xx',
      props.httpApi.metricServerError({ period: fiveMinutes }),
      5,
    );
    this.alarm(
      'SesBounceRate',
      `SES bounce rate above ${SES_BOUNCE_RATE_THRESHOLD * 100} %`,
      sesReputation('Reputation.BounceRate'),
      SES_BOUNCE_RATE_THRESHOLD,
      cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    );
    this.alarm(
      'SesComplaintRate',
      `SES complaint rate above ${SES_COMPLAINT_RATE_THRESHOLD * 100} %`,
      sesReputation('Reputation.ComplaintRate'),
      SES_COMPLAINT_RATE_THRESHOLD,
      cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    );
  }

  private alarm(
    id: string,
    description: string,
    metric: cloudwatch.IMetric,
    threshold: number,
    comparisonOperator = cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
  ): void {
    const alarm = new cloudwatch.Alarm(this, id, {
      alarmDescription: `Kundpuls: ${description}`,
      metric,
      threshold,
      comparisonOperator,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new SnsAction(this.alarmTopic));
    this.alarms.push(alarm);
  }
}

/** SES publishes the account's reputation rates (fractions, 0.05 = 5 %) without dimensions. */
function sesReputation(metricName: string): cloudwatch.Metric {
  return new cloudwatch.Metric({
    namespace: 'AWS/SES',
    metricName,
    statistic: 'Maximum',
    period: Duration.hours(1),
  });
}
