import type { LambdaEvent } from 'hono/aws-lambda';
import { startEventBridgeStandIn } from './event-bridge.js';

/** The tick's rule, as CDK names it on the API and the tick; PutRule goes to a stand-in here. */
const eventBridge = await startEventBridgeStandIn();

/** An API Gateway HTTP API (payload format 2.0) event, as the service delivers it to the function. */
export function httpApiEvent(
  method: string,
  path: string,
  options: { body?: string; headers?: Record<string, string>; query?: string } = {},
): LambdaEvent {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: options.query ?? '',
    headers: {
      host: 'abc123.execute-api.eu-north-1.amazonaws.com',
      'user-agent': 'test',
      ...options.headers,
    },
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      domainName: 'abc123.execute-api.eu-north-1.amazonaws.com',
      domainPrefix: 'abc123',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '198.51.100.7', userAgent: 'test' },
      requestId: 'req-1',
      routeKey: '$default',
      stage: '$default',
      time: '22/Nov/2026:12:00:00 +0000',
      timeEpoch: 1795435200000,
    },
    ...(options.body !== undefined
      ? { body: options.body, isBase64Encoded: false }
      : { isBase64Encoded: false }),
  } as unknown as LambdaEvent;
}

export const lambdaContext = {
  functionName: 'kundpuls-api',
  awsRequestId: 'req-1',
  getRemainingTimeInMillis: () => 10_000,
} as never;

/**
 * The environment a Lambda entry reads at load, as on AWS, but pointed at the local stack (on AWS the pepper
 * comes from SSM). Set it before importing an entry.
 */
export function useLambdaEnvironment(
  stack: {
    config: { tableName: string; publicUrl: string; tokenPepper: string };
    dynamoEndpoint: string;
    sesUrl: string;
  },
  extra: Record<string, string> = {},
) {
  Object.assign(process.env, {
    TABLE_NAME: stack.config.tableName,
    DYNAMODB_ENDPOINT: stack.dynamoEndpoint,
    SES_ENDPOINT: stack.sesUrl,
    MAIL_FROM: 'pulse@kundpuls.local',
    PUBLIC_URL: stack.config.publicUrl,
    TOKEN_PEPPER: stack.config.tokenPepper,
    TICK_RULE_NAME: 'kundpuls-test-tick',
    AWS_ENDPOINT_URL_EVENTBRIDGE: eventBridge.url,
    AWS_ACCESS_KEY_ID: process.env.AWS_ACCESS_KEY_ID ?? 'local',
    AWS_SECRET_ACCESS_KEY: process.env.AWS_SECRET_ACCESS_KEY ?? 'local',
    LOG_LEVEL: 'silent',
    ...extra,
  });
}
