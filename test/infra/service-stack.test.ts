import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CfnElement } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCdkApp } from '../../infra/app.js';
import { TICK_WORKERS } from '../../infra/constructs/scheduler.js';
import { TICK_BUDGET_SECONDS, TICK_TIMEOUT } from '../../infra/stacks/service-stack.js';
import { httpApiEvent } from '../support/lambda-events.js';

// One app for the whole file, with real esbuild bundling of the three entry points (a few seconds).
let outdir: string;
let built: ReturnType<typeof createCdkApp>;
let template: Template;
const id = (element: { node: { defaultChild?: unknown } }) =>
  built.service.getLogicalId(element.node.defaultChild as CfnElement);

beforeAll(() => {
  outdir = mkdtempSync(join(tmpdir(), 'kundpuls-cdk-'));
  built = createCdkApp({ outdir, context: { stage: 'dev', alarmEmail: 'ops@kundpuls.example' } }, {});
  template = Template.fromStack(built.service);
  // Four real esbuild bundles and synthesis: CPU-bound, and slow beside the rehearsal on a loaded machine.
}, 180_000);
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

type Json = unknown;
/** Renders CloudFormation intrinsics as readable strings, so statements can be compared exactly. */
function render(value: Json): string {
  if (typeof value === 'string') return value;
  const object = value as Record<string, Json>;
  if ('Ref' in object) return `<${object.Ref}>`;
  if ('Fn::GetAtt' in object) return `<${(object['Fn::GetAtt'] as string[]).join('.')}>`;
  if ('Fn::ImportValue' in object) {
    // `Kundpuls-dev-Data:ExportsOutputFnGetAttTableCD117FA1ArnE2C8C204` → `<import:FnGetAttTableCD117FA1Arn>`
    const name = String(object['Fn::ImportValue'])
      .replace(/^.*:ExportsOutput/, '')
      .replace(/[A-F0-9]{8}$/, '');
    return `<import:${name}>`;
  }
  if ('Fn::Join' in object) {
    const [separator, parts] = object['Fn::Join'] as [string, Json[]];
    return parts.map(render).join(separator);
  }
  throw new Error(`unexpected intrinsic ${JSON.stringify(value)}`);
}

interface Statement {
  sid?: string;
  actions: string[];
  resources: string[];
}
/** The statements of the policy attached to a function's role, sorted for comparison. */
function statementsOf(functionLogicalId: string): Statement[] {
  const fn = template.toJSON().Resources[functionLogicalId];
  const roleId = fn.Properties.Role['Fn::GetAtt'][0];
  const policies = Object.values(template.findResources('AWS::IAM::Policy')).filter((policy) =>
    policy.Properties.Roles.some((role: { Ref: string }) => role.Ref === roleId),
  );
  expect(policies).toHaveLength(1);
  return policies[0]?.Properties.PolicyDocument.Statement.map(
    (s: { Sid?: string; Action: string | string[]; Resource: Json | Json[]; Effect: string }) => {
      expect(s.Effect).toBe('Allow');
      return {
        ...(s.Sid ? { sid: s.Sid } : {}),
        actions: [s.Action].flat(),
        resources: [s.Resource].flat().map(render),
      };
    },
  ).sort((a: Statement, b: Statement) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}
const sorted = (statements: Statement[]) =>
  [...statements].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe('the service stack', () => {
  describe('functions', () => {
    it('runs all four on Node.js 24 on arm64, bundled as ESM with source maps and the secrets extension', () => {
      const functions = template.findResources('AWS::Lambda::Function');
      expect(Object.keys(functions)).toHaveLength(4);
      for (const fn of Object.values(functions)) {
        expect(fn.Properties).toMatchObject({
          Runtime: 'nodejs24.x',
          Architectures: ['arm64'],
          Handler: 'index.handler',
          LoggingConfig: { LogFormat: 'JSON', ApplicationLogLevel: 'INFO' },
        });
        // No runtime source maps: they cost every cold start; logged stacks are mapped on the error path.
        expect(fn.Properties.Environment.Variables.NODE_OPTIONS).toBeUndefined();
        expect(fn.Properties.Environment.Variables.POWERTOOLS_SERVICE_NAME).toBe('kundpuls');
        // The pepper is read through AWS's Parameters and Secrets extension layer, not an SSM client.
        expect(JSON.stringify(fn.Properties.Layers)).toContain('AWS-Parameters-and-Secrets-Lambda-Extension');
      }
    });

    it('gives each function the memory and timeout chosen for it', () => {
      const settings = (fn: { fn: unknown }) => {
        const { MemorySize, Timeout } = template.toJSON().Resources[id(fn.fn as never)].Properties;
        return { MemorySize, Timeout };
      };
      expect(settings(built.service.apiFunction)).toEqual({ MemorySize: 1024, Timeout: 29 });
      expect(settings(built.service.answersFunction)).toEqual({ MemorySize: 1024, Timeout: 10 });
      expect(settings(built.service.tickFunction)).toEqual({ MemorySize: 1024, Timeout: 840 });
      expect(settings(built.service.notificationFunction)).toEqual({ MemorySize: 256, Timeout: 30 });
    });

    it('runs at most TICK_WORKERS ticks at once, with a budget under its timeout', () => {
      const tick = template.toJSON().Resources[id(built.service.tickFunction.fn)].Properties;
      expect(tick.ReservedConcurrentExecutions).toBe(TICK_WORKERS);
      expect(TICK_WORKERS).toBeGreaterThan(1);
      expect(Number(tick.Environment.Variables.TICK_BUDGET_SECONDS)).toBe(TICK_BUDGET_SECONDS);
      expect(TICK_BUDGET_SECONDS).toBeLessThan(TICK_TIMEOUT.toSeconds());
      expect(TICK_TIMEOUT.toSeconds() - TICK_BUDGET_SECONDS).toBeGreaterThanOrEqual(60);
    });

    it('sets the environment the shared config reads, the pepper by parameter name only', () => {
      const variables = (fn: { fn: unknown }) =>
        template.toJSON().Resources[id(fn.fn as never)].Properties.Environment.Variables;
      const api = variables(built.service.apiFunction);
      expect(api).toMatchObject({
        MAIL_FROM: 'pulse@kundpuls.example',
        TOKEN_PEPPER_PARAMETER: '/kundpuls/dev/token-pepper',
        LOG_LEVEL: 'info',
        SES_CONFIGURATION_SET: { Ref: id(built.service.mail.configurationSet) },
        TABLE_NAME: { 'Fn::ImportValue': expect.stringMatching(/^Kundpuls-dev-Data:ExportsOutputRefTable/) },
        PUBLIC_URL: { 'Fn::GetAtt': [id(built.service.api.httpApi), 'ApiEndpoint'] },
      });
      expect(variables(built.service.tickFunction)).toMatchObject({ MAIL_RATE_PER_SECOND: '1' });
      for (const fn of [
        built.service.apiFunction,
        built.service.answersFunction,
        built.service.tickFunction,
        built.service.notificationFunction,
      ]) {
        expect(variables(fn)).not.toHaveProperty('TOKEN_PEPPER');
        expect(variables(fn)).not.toHaveProperty('ENROLMENT_KEY');
      }
    });

    it('keeps each function’s logs in its own JSON log group for a month', () => {
      template.resourceCountIs('AWS::Logs::LogGroup', 5);
      for (const nodeFunction of [
        built.service.apiFunction,
        built.service.answersFunction,
        built.service.tickFunction,
        built.service.notificationFunction,
      ]) {
        expect(template.toJSON().Resources[id(nodeFunction.logGroup)].Properties.RetentionInDays).toBe(30);
        expect(template.toJSON().Resources[id(nodeFunction.fn)].Properties.LoggingConfig.LogGroup).toEqual({
          Ref: id(nodeFunction.logGroup),
        });
      }
    });

    it('sends failed asynchronous invocations of the tick and the notifications to SQS queues', () => {
      const invokeConfig = (nodeFunction: typeof built.service.tickFunction) => {
        const [config] = Object.values(
          template.findResources('AWS::Lambda::EventInvokeConfig', {
            Properties: { FunctionName: { Ref: id(nodeFunction.fn) } },
          }),
        );
        return config?.Properties;
      };
      const queueArn = (nodeFunction: typeof built.service.tickFunction) => ({
        'Fn::GetAtt': [id(nodeFunction.failureQueue as never), 'Arn'],
      });
      expect(invokeConfig(built.service.tickFunction)).toMatchObject({
        MaximumRetryAttempts: 0,
        MaximumEventAgeInSeconds: 60,
        DestinationConfig: { OnFailure: { Destination: queueArn(built.service.tickFunction) } },
      });
      expect(invokeConfig(built.service.notificationFunction)).toMatchObject({
        MaximumRetryAttempts: 2,
        DestinationConfig: { OnFailure: { Destination: queueArn(built.service.notificationFunction) } },
      });
      template.resourceCountIs('AWS::SQS::Queue', 2);
      template.allResourcesProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true });
    });

    it('loads every bundle in Node, and both HTTP bundles answer through their handlers', () => {
      const assets = [
        built.service.apiFunction,
        built.service.answersFunction,
        built.service.tickFunction,
        built.service.notificationFunction,
      ].map((nodeFunction) => {
        const key = template.toJSON().Resources[id(nodeFunction.fn)].Properties.Code.S3Key as string;
        return join(outdir, `asset.${key.replace(/\.zip$/, '')}`, 'index.mjs');
      });
      for (const asset of assets) expect(existsSync(asset)).toBe(true);
      const script = `
        const results = [];
        for (const file of ${JSON.stringify(assets)}) {
          const entry = await import(file);
          results.push(typeof entry.handler);
        }
        const api = await import(${JSON.stringify(assets[0])});
        const response = await api.handler(${JSON.stringify(httpApiEvent('GET', '/health'))}, {});
        const answers = await import(${JSON.stringify(assets[1])});
        const css = await answers.handler(${JSON.stringify(httpApiEvent('GET', '/assets/kundpuls.css'))}, {});
        const docs = await answers.handler(${JSON.stringify(httpApiEvent('GET', '/openapi.json'))}, {});
        console.log(JSON.stringify({
          results, status: response.statusCode, body: response.body,
          pages: [css.statusCode, css.headers['content-type'], docs.statusCode],
        }));`;
      const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
        env: {
          PATH: process.env.PATH,
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
          TABLE_NAME: 'kundpuls',
          MAIL_FROM: 'pulse@kundpuls.example',
          PUBLIC_URL: 'https://kundpuls.example',
          TOKEN_PEPPER: 'p'.repeat(43),
          // As the template sets it on the API and the tick; without it they refuse to start.
          TICK_RULE_NAME: 'kundpuls-dev-tick',
          AWS_REGION: 'eu-north-1',
          LOG_LEVEL: 'silent',
        },
        encoding: 'utf8',
      });
      expect(JSON.parse(output)).toEqual({
        results: ['function', 'function', 'function', 'function'],
        status: 200,
        body: '{"ok":true}',
        // The answer pages' bundle serves the pages' assets, and nothing of the API.
        pages: [200, 'text/css; charset=utf-8', 404],
      });
    });
  });

  describe('least privilege', () => {
    const tableArn = () =>
      `<import:FnGetAtt${built.data.getLogicalId(built.data.table.node.defaultChild as CfnElement)}Arn>`;
    const pepper = {
      sid: 'Pepper',
      actions: ['ssm:GetParameter'],
      resources: ['arn:<AWS::Partition>:ssm:eu-north-1:<AWS::AccountId>:parameter/kundpuls/dev/token-pepper'],
    };
    const logs = (nodeFunction: typeof built.service.apiFunction) => ({
      actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      resources: [`<${id(nodeFunction.logGroup)}.Arn>`],
    });
    const failureQueue = (nodeFunction: typeof built.service.apiFunction) => ({
      actions: ['sqs:SendMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'],
      resources: [`<${id(nodeFunction.failureQueue as never)}.Arn>`],
    });
    const rule = (name: string) => `arn:<AWS::Partition>:events:eu-north-1:<AWS::AccountId>:rule/${name}`;
    const sendMail = () => ({
      sid: 'SendMail',
      actions: ['ses:SendRawEmail'],
      resources: [
        `arn:<AWS::Partition>:ses:eu-north-1:<AWS::AccountId>:identity/<${id(built.service.mail.identity)}>`,
        `arn:<AWS::Partition>:ses:eu-north-1:<AWS::AccountId>:configuration-set/<${id(built.service.mail.configurationSet)}>`,
      ],
    });

    it('lets the API use the table, send mail, read the pepper and wake the tick, and nothing else', () => {
      const api = built.service.apiFunction;
      expect(statementsOf(id(api.fn))).toEqual(
        sorted([
          logs(api),
          {
            sid: 'Table',
            actions: [
              'dynamodb:GetItem',
              'dynamodb:PutItem',
              'dynamodb:UpdateItem',
              'dynamodb:DeleteItem',
              'dynamodb:Query',
              'dynamodb:BatchGetItem',
              'dynamodb:BatchWriteItem',
            ],
            resources: [tableArn()],
          },
          pepper,
          sendMail(),
          { sid: 'TickRule', actions: ['events:PutRule'], resources: [rule('kundpuls-dev-tick')] },
        ]),
      );
    });

    it('lets the answer pages read links, store answers and mark invitations, and nothing else', () => {
      const answers = built.service.answersFunction;
      expect(statementsOf(id(answers.fn))).toEqual(
        sorted([
          logs(answers),
          {
            sid: 'Table',
            actions: ['dynamodb:BatchGetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
            resources: [tableArn()],
          },
          pepper,
        ]),
      );
    });

    it('lets the tick query the work-queue index, update the table and send mail, but not delete', () => {
      const tick = built.service.tickFunction;
      expect(statementsOf(id(tick.fn))).toEqual(
        sorted([
          logs(tick),
          failureQueue(tick),
          {
            sid: 'Table',
            actions: [
              'dynamodb:GetItem',
              'dynamodb:PutItem',
              'dynamodb:UpdateItem',
              'dynamodb:Query',
              'dynamodb:BatchGetItem',
            ],
            resources: [tableArn()],
          },
          {
            sid: 'WorkQueueIndex',
            actions: ['dynamodb:Query'],
            resources: [`${tableArn()}/index/work-queue`],
          },
          pepper,
          sendMail(),
          { sid: 'TickRule', actions: ['events:PutRule'], resources: [rule('kundpuls-dev-tick')] },
        ]),
      );
    });

    it('lets the notification handler only write suppressions, and send no mail', () => {
      const notifications = built.service.notificationFunction;
      expect(statementsOf(id(notifications.fn))).toEqual(
        sorted([
          logs(notifications),
          failureQueue(notifications),
          { sid: 'Table', actions: ['dynamodb:PutItem'], resources: [tableArn()] },
          pepper,
        ]),
      );
    });

    it('uses no managed policy and no wildcard resource anywhere', () => {
      for (const role of Object.values(template.findResources('AWS::IAM::Role'))) {
        expect(role.Properties.ManagedPolicyArns).toBeUndefined();
        expect(role.Properties.Policies).toBeUndefined();
      }
      for (const policy of Object.values(template.findResources('AWS::IAM::Policy'))) {
        for (const statement of policy.Properties.PolicyDocument.Statement) {
          for (const resource of [statement.Resource].flat()) expect(render(resource)).not.toContain('*');
          for (const action of [statement.Action].flat()) expect(action).not.toContain('*');
        }
      }
    });
  });

  describe('HTTP API', () => {
    it('routes everything to the Hono function with payload format 2.0', () => {
      template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
        IntegrationType: 'AWS_PROXY',
        PayloadFormatVersion: '2.0',
        IntegrationUri: { 'Fn::GetAtt': [id(built.service.apiFunction.fn), 'Arn'] },
      });
      template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: '$default' });
    });

    it('routes the answer pages and their assets to the answer pages function', () => {
      const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route'));
      const integrations = template.findResources('AWS::ApiGatewayV2::Integration');
      const target = (route: (typeof routes)[number]) => {
        const integrationId = String(route.Properties.Target['Fn::Join'][1][1].Ref);
        return integrations[integrationId]?.Properties.IntegrationUri['Fn::GetAtt'][0];
      };
      const byKey = Object.fromEntries(routes.map((route) => [route.Properties.RouteKey, target(route)]));
      expect(byKey).toEqual({
        $default: id(built.service.apiFunction.fn),
        'GET /r/{proxy+}': id(built.service.answersFunction.fn),
        'POST /r/{proxy+}': id(built.service.answersFunction.fn),
        'GET /assets/{proxy+}': id(built.service.answersFunction.fn),
        'GET /k': id(built.service.answersFunction.fn),
        'POST /k': id(built.service.answersFunction.fn),
      });
    });

    it('throttles the default stage at 100 requests a second, bursts of 200', () => {
      template.resourceCountIs('AWS::ApiGatewayV2::Stage', 1);
      template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
        StageName: '$default',
        AutoDeploy: true,
        DefaultRouteSettings: { ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200 },
      });
    });

    it('writes JSON access logs without paths or addresses, which would carry tokens and personal data', () => {
      const [stage] = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'));
      const settings = stage?.Properties.AccessLogSettings;
      expect(settings.DestinationArn).toEqual({ 'Fn::GetAtt': [id(built.service.api.accessLogs), 'Arn'] });
      const format = JSON.parse(settings.Format);
      expect(format).toMatchObject({ requestId: '$context.requestId', status: '$context.status' });
      expect(settings.Format).not.toMatch(/\$context\.(path|identity|routeKey)/);
    });
  });

  describe('schedule', () => {
    it('runs the tick every minute, dropping events older than a minute into its failure queue', () => {
      template.hasResourceProperties('AWS::Events::Rule', {
        Name: 'kundpuls-dev-tick',
        ScheduleExpression: 'rate(1 minute)',
        State: 'ENABLED',
        Targets: [
          Match.objectLike({
            Arn: { 'Fn::GetAtt': [id(built.service.tickFunction.fn), 'Arn'] },
            RetryPolicy: { MaximumEventAgeInSeconds: 60, MaximumRetryAttempts: 2 },
            DeadLetterConfig: {
              Arn: { 'Fn::GetAtt': [id(built.service.tickFunction.failureQueue as never), 'Arn'] },
            },
          }),
        ],
      });
    });
  });

  it('names the one rule and tells the API and the tick its name, and no other function', () => {
    template.resourceCountIs('AWS::Events::Rule', 1);
    const variables = (fn: { fn: unknown }) =>
      template.toJSON().Resources[id(fn.fn as never)].Properties.Environment.Variables;
    for (const fn of [built.service.apiFunction, built.service.tickFunction])
      expect(variables(fn)).toMatchObject({ TICK_RULE_NAME: 'kundpuls-dev-tick' });
    for (const fn of [built.service.answersFunction, built.service.notificationFunction])
      expect(variables(fn)).not.toHaveProperty('TICK_RULE_NAME');
  });

  describe('mail', () => {
    it('verifies the sender domain with a default configuration set that tracks reputation', () => {
      template.hasResourceProperties('AWS::SES::EmailIdentity', {
        EmailIdentity: 'kundpuls.example',
        ConfigurationSetAttributes: {
          ConfigurationSetName: { Ref: id(built.service.mail.configurationSet) },
        },
      });
      template.hasResourceProperties('AWS::SES::ConfigurationSet', {
        Name: 'kundpuls-dev',
        ReputationOptions: { ReputationMetricsEnabled: true },
      });
    });

    it('publishes bounces and complaints to an SSL-only SNS topic that invokes the notification handler', () => {
      const topic = id(built.service.mail.notifications);
      template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
        EventDestination: {
          Enabled: true,
          MatchingEventTypes: ['bounce', 'complaint'],
          SnsDestination: { TopicARN: { Ref: topic } },
        },
      });
      template.hasResourceProperties('AWS::SNS::Subscription', {
        Protocol: 'lambda',
        TopicArn: { Ref: topic },
        Endpoint: { 'Fn::GetAtt': [id(built.service.notificationFunction.fn), 'Arn'] },
      });
      template.hasResourceProperties('AWS::SNS::TopicPolicy', {
        Topics: [{ Ref: topic }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
            Match.objectLike({ Action: 'sns:Publish', Principal: { Service: 'ses.amazonaws.com' } }),
          ]),
        },
      });
    });
  });

  describe('alarms', () => {
    const alarms = () => Object.values(template.findResources('AWS::CloudWatch::Alarm'));
    const named = (metricName: string, namespace: string) =>
      alarms().filter((a) => a.Properties.MetricName === metricName && a.Properties.Namespace === namespace);

    it('watches errors of every function, and throttles of all but the one-at-a-time tick', () => {
      expect(named('Errors', 'AWS/Lambda')).toHaveLength(4);
      const throttled = named('Throttles', 'AWS/Lambda').map((a) => a.Properties.Dimensions[0].Value.Ref);
      expect(throttled.sort()).toEqual(
        [
          id(built.service.apiFunction.fn),
          id(built.service.answersFunction.fn),
          id(built.service.notificationFunction.fn),
        ].sort(),
      );
    });

    it('watches failed asynchronous invocations', () => {
      expect(named('DestinationDeliveryFailures', 'AWS/Lambda')).toHaveLength(2);
      const [depth] = named('ApproximateNumberOfMessagesVisible', 'AWS/SQS');
      expect(depth?.Properties.Dimensions[0].Value).toEqual({
        'Fn::GetAtt': [id(built.service.notificationFunction.failureQueue as never), 'QueueName'],
      });
    });

    it('alarms on SES bounce rate above 5 % and complaint rate above 0.1 %', () => {
      expect(named('Reputation.BounceRate', 'AWS/SES')[0]?.Properties).toMatchObject({
        Threshold: 0.05,
        ComparisonOperator: 'GreaterThanThreshold',
      });
      expect(named('Reputation.ComplaintRate', 'AWS/SES')[0]?.Properties).toMatchObject({
        Threshold: 0.001,
        ComparisonOperator: 'GreaterThanThreshold',
      });
    });

    it('sends every alarm to the SSL-only alarm topic, which mails the address from context', () => {
      const topic = id(built.service.observability.alarmTopic);
      expect(alarms().length).toBeGreaterThanOrEqual(10);
      for (const alarm of alarms()) expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topic }]);
      template.hasResourceProperties('AWS::SNS::Subscription', {
        Protocol: 'email',
        Endpoint: 'ops@kundpuls.example',
        TopicArn: { Ref: topic },
      });
    });
  });
});
