import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import type { Construct } from 'constructs';
import type { StageConfig } from '../config.js';
import { Api } from '../constructs/api.js';
import { bindTable } from '../constructs/bind-table.js';
import { Mail } from '../constructs/mail.js';
import { NodeFunction } from '../constructs/node-function.js';
import { Observability } from '../constructs/observability.js';
import { Scheduler, TICK_WORKERS } from '../constructs/scheduler.js';
import { bindSmsSender } from '../constructs/sms.js';

export interface ServiceStackProps extends StackProps {
  config: StageConfig;
  /** From the data stack: the service stack never owns state. */
  table: dynamodb.ITable;
}

/** Lambda's ceiling is 15 minutes; the tick stops taking new work at its budget and finishes the step in hand. */
export const TICK_TIMEOUT = Duration.minutes(14);
/**
 * Over two minutes under the timeout: room to finish a step begun just before (a large round's figures). Ten seconds
 * short of a whole number of minutes, so a worker the rule started is done before the rule fires again twelve
 * minutes later and is replaced on that minute: at exactly 12 minutes the firing found it still finishing its last
 * mails and the next worker started a minute later, 8 % of a one-worker send lost (bench row 10, 14/s).
 */
export const TICK_BUDGET_SECONDS = 12 * 60 - 10;

/**
 * The stateless part: the four functions (API, answer pages, tick, SES notifications) and what triggers them, mail,
 * and alarms. Replaceable at will; the table lives in the data stack.
 */
export class ServiceStack extends Stack {
  readonly api: Api;
  readonly apiFunction: NodeFunction;
  readonly answersFunction: NodeFunction;
  readonly tickFunction: NodeFunction;
  readonly notificationFunction: NodeFunction;
  readonly mail: Mail;
  readonly scheduler: Scheduler;
  readonly observability: Observability;

  constructor(scope: Construct, id: string, props: ServiceStackProps) {
    super(scope, id, props);
    const { config, table } = props;
    const removalPolicy = config.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    const common = {
      LOG_LEVEL: 'info',
      TOKEN_PEPPER_PARAMETER: config.pepperParameterName,
    };

    this.apiFunction = new NodeFunction(this, 'ApiFunction', {
      entry: 'functions/api/lambda.ts',
      description: 'Kundpuls HTTP API (Hono)',
      // 1 GB: CPU grows with memory, and cold starts and live reports of open rounds are CPU-bound.
      memorySize: 1024,
      // HTTP API gives up on an integration after 30 s; running longer would only waste the work.
      timeout: Duration.seconds(29),
      environment: common,
      removalPolicy,
    });
    this.answersFunction = new NodeFunction(this, 'AnswersFunction', {
      entry: 'functions/answers/lambda.ts',
      description: 'Kundpuls answer pages (Hono): the link a respondent clicks',
      // 1 GB: the respondent waits on this cold start, and CPU (so start-up) grows with memory.
      memorySize: 1024,
      // Three DynamoDB calls with SDK retries; a respondent should not wait longer than this.
      timeout: Duration.seconds(10),
      environment: common,
      removalPolicy,
    });
    this.tickFunction = new NodeFunction(this, 'TickFunction', {
      entry: 'functions/tick/lambda.ts',
      description: 'Kundpuls tick: rounds, invitations, reminders, reports',
      // 1 GB: answers stream through the aggregator page by page, but MIME and PNG charts want the CPU.
      memorySize: 1024,
      // Budget-aware: long enough to keep mail flowing at the SES rate for minutes; see TICK_BUDGET_SECONDS.
      timeout: TICK_TIMEOUT,
      // Up to TICK_WORKERS at once, started a minute apart by the rule; they share one send bucket in the table.
      reservedConcurrentExecutions: TICK_WORKERS,
      // No retries: the next tick, a minute later, resumes whatever this one left; older events are moot.
      async: { retryAttempts: 0, maxEventAge: Duration.minutes(1) },
      environment: {
        ...common,
        MAIL_RATE_PER_SECOND: String(config.mailRatePerSecond),
        TICK_BUDGET_SECONDS: String(TICK_BUDGET_SECONDS),
      },
      removalPolicy,
    });
    this.notificationFunction = new NodeFunction(this, 'NotificationFunction', {
      entry: 'functions/ses-notifications/lambda.ts',
      description: 'Kundpuls SES bounce and complaint notifications',
      // 256 MB: parses one small SNS message and writes one item per suppressed address.
      memorySize: 256,
      // A few single-item writes with SDK retries, plus the pepper read at a cold start.
      timeout: Duration.seconds(30),
      // Every bounce counts (mailing a bounced address again hurts the SES reputation): retry, then queue.
      async: { retryAttempts: 2, maxEventAge: Duration.hours(6) },
      environment: common,
      removalPolicy,
    });

    this.api = new Api(this, 'Api', {
      handler: this.apiFunction.fn,
      answerPages: this.answersFunction.fn,
      throttle: { rateLimit: 100, burstLimit: 200 },
      removalPolicy,
    });
    const publicUrl = config.publicUrl ?? this.api.url;
    const functions = [this.apiFunction, this.answersFunction, this.tickFunction, this.notificationFunction];
    // Only the functions that write links (mails, the API document) get the base; see shared/settings/.
    for (const { fn } of [this.apiFunction, this.tickFunction]) fn.addEnvironment('PUBLIC_URL', publicUrl);

    // Exactly the calls each function's code path makes (see shared/adapters/dynamodb).
    bindTable(this.apiFunction.fn, table, {
      actions: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'BatchGetItem', 'BatchWriteItem'],
    });
    bindTable(this.answersFunction.fn, table, { actions: ['BatchGetItem', 'PutItem', 'UpdateItem'] });
    bindTable(this.tickFunction.fn, table, {
      actions: ['GetItem', 'PutItem', 'UpdateItem', 'Query', 'BatchGetItem'],
      queriesWorkQueue: true,
    });
    bindTable(this.notificationFunction.fn, table, { actions: ['PutItem'] });

    // The pepper is a SecureString the operator creates (CloudFormation cannot); each function reads it once,
    // through the Parameters and Secrets extension, which calls GetParameter with the function's role.
    const pepper = ssm.StringParameter.fromSecureStringParameterAttributes(this, 'Pepper', {
      parameterName: config.pepperParameterName,
    });
    for (const { fn } of functions) {
      // The default aws/ssm key lets any principal allowed GetParameter decrypt through SSM: no kms grant needed.
      fn.addToRolePolicy(
        new iam.PolicyStatement({
          sid: 'Pepper',
          actions: ['ssm:GetParameter'],
          resources: [pepper.parameterArn],
        }),
      );
    }

    this.mail = new Mail(this, 'Mail', { config, notificationHandler: this.notificationFunction.fn });
    this.mail.bindSender(this.apiFunction.fn);
    this.mail.bindSender(this.tickFunction.fn);
    // Only the tick texts (invitations and reminders to staff without e-mail); a stage without an
    // origination identity has no SMS grant at all, and its tick gives those staff codes on paper.
    if (config.sms) bindSmsSender(this.tickFunction.fn, config.sms);

    const tickFailures = this.tickFunction.failureQueue;
    const notificationFailures = this.notificationFunction.failureQueue;
    if (!tickFailures || !notificationFailures) throw new Error('asynchronous functions have failure queues');
    this.scheduler = new Scheduler(this, 'Scheduler', {
      namePrefix: `kundpuls-${config.stage}`,
      tick: this.tickFunction.fn,
      deadLetterQueue: tickFailures,
    });
    this.scheduler.grantReschedule(this.tickFunction.fn);
    this.scheduler.grantReschedule(this.apiFunction.fn);

    this.observability = new Observability(this, 'Observability', {
      functions: [
        { name: 'Api', fn: this.apiFunction.fn },
        { name: 'AnswerPages', fn: this.answersFunction.fn },
        { name: 'Tick', fn: this.tickFunction.fn, throttlesExpected: true, async: true },
        { name: 'Notifications', fn: this.notificationFunction.fn, async: true },
      ],
      // The tick's queue is left out on purpose: ticks superseded while another runs expire into it by
      // design, and a failing tick already alarms on Errors.
      failureQueues: [{ name: 'Notifications', queue: notificationFailures }],
      httpApi: this.api.httpApi,
      alarmEmail: config.alarmEmail,
    });

    new CfnOutput(this, 'ApiUrl', { value: this.api.url });
    new CfnOutput(this, 'PublicUrl', { value: publicUrl });
  }
}
