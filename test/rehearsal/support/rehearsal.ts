import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTableCommand, type CreateTableCommandInput, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startDynalite, startSes } from '../../../infra/local/embedded.js';
import { ACCOUNT, type Assembly, assetDirectory, resourcesOfType, synthesise } from './assembly.js';
import { type LambdaProcess, startFunction } from './functions.js';
import { routesOf, startGateway } from './gateway.js';
import { type AwsCall, type Grant, grantsOf } from './iam.js';
import { createResolver } from './resolve.js';
import {
  dynamoCall,
  type RuleState,
  recordingProxy,
  sesCall,
  startEventBridge,
  startParametersExtension,
  startSmsVoice,
  type Text,
} from './stand-ins.js';

export interface RehearsedFunction {
  id: string;
  process: LambdaProcess;
  environment: Record<string, string>;
  grants: Grant[];
}

/** The stage's SMS sender ID, as the operator would register it (rehearsal account and region). */
export const SMS_ORIGINATION_IDENTITY = `arn:aws:sms-voice:eu-north-1:${ACCOUNT}:sender-id/Kundpuls/SE`;

function onlyOne<T>(items: T[]): T {
  if (items.length !== 1) throw new Error(`expected one, found ${items.length}`);
  return items[0] as T;
}

/** The function a `Fn::GetAtt [id, 'Arn']` names (a rule's target, a subscription's endpoint). */
function functionIdOf(arn: unknown): string {
  const id = (arn as { 'Fn::GetAtt'?: [string, string] } | undefined)?.['Fn::GetAtt']?.[0];
  if (!id) throw new Error(`not a reference to a function: ${JSON.stringify(arn)}`);
  return id;
}

/** The table as the data stack declares it; dynalite has no TTL, PITR or deletion protection to set. */
function tableInput(assembly: Assembly, tableName: string): { id: string; input: CreateTableCommandInput } {
  const [entry, ...more] = resourcesOfType(assembly.data.template, 'AWS::DynamoDB::Table');
  if (!entry || more.length > 0) throw new Error('the data stack should declare exactly one table');
  const [id, { Properties: p = {} }] = entry;
  return {
    id,
    input: {
      TableName: tableName,
      AttributeDefinitions: p.AttributeDefinitions,
      KeySchema: p.KeySchema,
      GlobalSecondaryIndexes: p.GlobalSecondaryIndexes,
      BillingMode: p.BillingMode,
    } as CreateTableCommandInput,
  };
}

/**
 * The deployed system on this machine: the synthesised app's four functions, each from its own bundle in its
 * own process with its template's environment, behind a local HTTP API, the table, SES, EventBridge and the
 * Parameters and Secrets extension; every AWS call recorded with the function that made it.
 */
export async function startRehearsal() {
  const outdir = mkdtempSync(join(tmpdir(), 'kundpuls-rehearsal-'));
  // The SES sandbox's 1 mail a second would make a round take minutes; a stage may set its own rate.
  // SMS on, as a stage with an origination identity has it, so the tick's SMS grant meets its calls.
  const started = performance.now();
  const assembly = synthesise(outdir, {
    mailRatePerSecond: '200',
    smsOriginationIdentity: SMS_ORIGINATION_IDENTITY,
    smsConfigurationSet: 'kundpuls-dev-sms',
  });
  const synthMs = performance.now() - started;
  const { region } = assembly;
  const calls: AwsCall[] = [];
  const rules = new Map<string, RuleState>();
  const functions = new Map<string, RehearsedFunction>();

  const dynalite = await startDynalite(0);
  const table = tableInput(assembly, `${assembly.data.name}-Table`);
  const db = new DynamoDBClient({
    endpoint: `http://127.0.0.1:${dynalite.port}`,
    region,
    credentials: { accessKeyId: 'rehearsal', secretAccessKey: 'rehearsal' },
  });
  await db.send(new CreateTableCommand(table.input));
  db.destroy();
  const dynamo = await recordingProxy(`http://127.0.0.1:${dynalite.port}`, dynamoCall(region), calls);
  const sesLocal = await startSes(0);
  const sesUrl = `http://127.0.0.1:${sesLocal.port}`;
  const ses = await recordingProxy(sesUrl, sesCall(region), calls);
  const events = await startEventBridge(region, calls, rules);
  const texts: Text[] = [];
  const smsVoice = await startSmsVoice(region, calls, texts);

  const routes = routesOf(assembly.service.template);
  const invoke = (functionId: string, event: unknown, clockOffsetMs = 0) => {
    const fn = functions.get(functionId);
    if (!fn) throw new Error(`no function ${functionId}`);
    // On AWS the runtime logs an invocation's error to the function's log group; here, its output.
    return fn.process.invoke(event, clockOffsetMs).catch((error: Error) => {
      fn.process.output.push(error.message);
      throw error;
    });
  };
  /** How far the functions' clocks run ahead of this machine's: the days a round takes. */
  const clock = { offsetMs: 0 };
  const served: string[] = [];
  const gateway = await startGateway(
    routes,
    (id, event) => invoke(id, event, clock.offsetMs),
    (route) => served.push(`${route.routeKey} ${route.functionId}`),
  );

  const [api] = resourcesOfType(assembly.service.template, 'AWS::ApiGatewayV2::Api');
  const tableName = table.input.TableName as string;
  const resolve = createResolver(assembly, {
    refs: { [table.id]: tableName },
    attributes: {
      [`${table.id}.Arn`]: `arn:aws:dynamodb:${region}:${ACCOUNT}:table/${tableName}`,
      [`${api?.[0]}.ApiEndpoint`]: gateway.url,
    },
  });

  const sessions = new Map<string, string>();
  const lambdas = resourcesOfType(assembly.service.template, 'AWS::Lambda::Function');
  const environments = lambdas.map(([id, resource]) => {
    const variables = resolve.service(
      (resource.Properties?.Environment as { Variables?: object } | undefined)?.Variables ?? {},
    ) as Record<string, string>;
    const sessionToken = randomBytes(24).toString('base64url');
    sessions.set(sessionToken, id);
    return {
      id,
      environment: <Record<string, string>>{
        ...variables,
        AWS_REGION: region,
        AWS_ACCESS_KEY_ID: id,
        AWS_SECRET_ACCESS_KEY: 'rehearsal',
        AWS_SESSION_TOKEN: sessionToken,
        AWS_ENDPOINT_URL_DYNAMODB: dynamo.url,
        AWS_ENDPOINT_URL_SES: ses.url,
        AWS_ENDPOINT_URL_EVENTBRIDGE: events.url,
        AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2: smsVoice.url,
      },
      timeout: Number(resource.Properties?.Timeout ?? 3),
    };
  });
  const ports = new Set(environments.map((e) => e.environment.PARAMETERS_SECRETS_EXTENSION_HTTP_PORT));
  if (ports.size !== 1) throw new Error(`the functions name ${ports.size} extension ports`);
  const extension = await startParametersExtension(
    Number([...ports][0] ?? 2773),
    region,
    sessions,
    new Map([[assembly.pepperParameter, randomBytes(32).toString('base64url')]]),
    calls,
  );

  await Promise.all(
    environments.map(async ({ id, environment, timeout }) => {
      const process = await startFunction(
        id,
        join(assetDirectory(assembly, id), 'index.mjs'),
        environment,
        timeout,
      );
      functions.set(id, {
        id,
        process,
        environment,
        grants: grantsOf(assembly.service.template, id, resolve),
      });
    }),
  );

  const [, rule] = onlyOne(resourcesOfType(assembly.service.template, 'AWS::Events::Rule'));
  const ruleName = rule.Properties?.Name as string;
  const tickId = functionIdOf((rule.Properties?.Targets as { Arn: unknown }[] | undefined)?.[0]?.Arn);
  const [, subscription] = onlyOne(resourcesOfType(assembly.service.template, 'AWS::SNS::Subscription'));
  const notificationId = functionIdOf(subscription.Properties?.Endpoint);

  return {
    url: gateway.url,
    /** How long synthesis (with bundling) and starting everything took, for the record. */
    timings: { synthMs, startMs: performance.now() - started - synthMs },
    sesUrl,
    /** Every text the SMS stand-in was asked to send. */
    texts,
    region,
    calls,
    rules,
    ruleName,
    functions,
    /** Each function by what reaches it in the template: the routes, the tick rule, the SNS subscription. */
    roles: {
      api: routes.find((route) => route.routeKey === '$default')?.functionId as string,
      answers: routes.find((route) => route.routeKey.startsWith('GET /r/'))?.functionId as string,
      tick: tickId,
      notifications: notificationId,
    },
    /** The names of the variables a function's template sets (before resolution). */
    templateVariables: (functionId: string) =>
      Object.keys(
        (assembly.service.template.Resources[functionId]?.Properties?.Environment as { Variables?: object })
          ?.Variables ?? {},
      ),
    routes,
    /** `<route key> <function>` for each request the gateway routed. */
    served,
    clock,
    /** What EventBridge delivers when the tick's rule fires. */
    tick: () =>
      invoke(
        tickId,
        {
          version: '0',
          id: randomBytes(16).toString('hex'),
          'detail-type': 'Scheduled Event',
          source: 'aws.events',
          account: ACCOUNT,
          time: new Date(Date.now() + clock.offsetMs).toISOString().replace(/\.\d+Z$/, 'Z'),
          region,
          resources: [`arn:aws:events:${region}:${ACCOUNT}:rule/${ruleName}`],
          detail: {},
        },
        clock.offsetMs,
      ) as Promise<Record<string, number>>,
    /** What SNS delivers to the topic's Lambda subscription when SES publishes a notification. */
    notify: (message: unknown) =>
      invoke(notificationId, {
        Records: [
          {
            EventSource: 'aws:sns',
            EventVersion: '1.0',
            EventSubscriptionArn: `arn:aws:sns:${region}:${ACCOUNT}:bounces:${randomBytes(8).toString('hex')}`,
            Sns: {
              Type: 'Notification',
              MessageId: randomBytes(16).toString('hex'),
              TopicArn: `arn:aws:sns:${region}:${ACCOUNT}:bounces`,
              Subject: null,
              Message: JSON.stringify(message),
              Timestamp: new Date().toISOString(),
              SignatureVersion: '1',
              MessageAttributes: {},
            },
          },
        ],
      }) as Promise<{ suppressed: number }>,
    async close() {
      for (const fn of functions.values()) fn.process.close();
      for (const server of [gateway, extension, events, smsVoice, ses, dynamo]) await server.close();
      await sesLocal.close();
      await dynalite.close();
      rmSync(outdir, { recursive: true, force: true });
    },
  };
}

export type Rehearsal = Awaited<ReturnType<typeof startRehearsal>>;
