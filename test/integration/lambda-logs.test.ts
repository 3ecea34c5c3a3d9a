import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// Lambda sets this in on-demand execution environments (provisioned concurrency would mark no line cold).
vi.hoisted(() => {
  process.env.AWS_LAMBDA_INITIALIZATION_TYPE = 'on-demand';
});

import type { LocalStack } from '../../infra/local/stack.js';
import type { LogFields, Logger } from '../../shared/logger.js';
import { runTick } from '../../shared/tick/run-tick.js';
import { httpApiEvent, useLambdaEnvironment } from '../support/lambda-events.js';
import { startTestStack } from '../support/stack.js';

type Handler = (event: unknown, context: unknown) => Promise<{ statusCode: number; body: string }>;
const TOKEN = 'Zx9'.repeat(15).slice(0, 43);
const EMAIL = 'someone.private@example.org';

// A DynamoDB that refuses every call with an error whose message holds personal data, as a service message may.
const failingDynamo = createServer((request, response) => {
  request.resume().on('end', () => {
    response.writeHead(400, {
      'content-type': 'application/x-amz-json-1.0',
      'x-amzn-requestid': 'DDB-REQ-1',
    });
    response.end(
      JSON.stringify({
        __type: 'com.amazonaws.dynamodb.v20120810#ValidationException',
        message: `Item for ${EMAIL} with key ${TOKEN} is not valid`,
      }),
    );
  });
});

let stack: LocalStack;
let api: Handler;
let answerPages: Handler;
beforeAll(async () => {
  stack = await startTestStack();
  await new Promise<void>((resolve) => failingDynamo.listen(0, '127.0.0.1', resolve));
  useLambdaEnvironment(stack, { LOG_LEVEL: 'info' });
  ({ handler: api } = (await import('../../functions/api/lambda.js')) as never);
  ({ handler: answerPages } = (await import('../../functions/answers/lambda.js')) as never);
});
afterAll(async () => {
  await new Promise<void>((resolve) => failingDynamo.close(() => resolve()));
  await stack.close();
});

/** Runs `act` and returns every JSON line it wrote to stdout or stderr. */
async function logLinesOf(act: () => Promise<unknown>) {
  const text: string[] = [];
  const capture = (chunk: unknown) => {
    text.push(String(chunk));
    return true;
  };
  const spies = [
    vi.spyOn(process.stdout, 'write').mockImplementation(capture),
    vi.spyOn(process.stderr, 'write').mockImplementation(capture),
  ];
  try {
    await act();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  const all = text.join('');
  return {
    all,
    lines: all
      .split('\n')
      .filter(Boolean)
      // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON log lines
      .map((line) => JSON.parse(line) as Record<string, any>),
  };
}

const context = (awsRequestId: string, functionName: string) => ({
  functionName,
  awsRequestId,
  functionVersion: '$LATEST',
  invokedFunctionArn: `arn:aws:lambda:eu-north-1:123456789012:function:${functionName}`,
  memoryLimitInMB: '512',
  getRemainingTimeInMillis: () => 10_000,
});

const enrolEvent = (email: string, requestId: string) => {
  const event = httpApiEvent('POST', '/v1/organisations', {
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Logs AB', contactEmail: email, language: 'en' }),
  }) as unknown as { requestContext: { requestId: string } };
  event.requestContext.requestId = requestId;
  return event;
};

describe('Lambda log lines', () => {
  it('carry the Lambda and API Gateway request ids, the function and the cold start on every line', async () => {
    const first = await logLinesOf(() =>
      api(enrolEvent('first.admin@example.org', 'api-req-1'), context('lambda-req-1', 'kundpuls-api')),
    );
    const second = await logLinesOf(() =>
      api(enrolEvent('second.admin@example.org', 'api-req-2'), context('lambda-req-2', 'kundpuls-api')),
    );

    expect(first.lines.map((l) => l.message)).toContain('organisation enrolled');
    for (const line of first.lines)
      expect(line).toMatchObject({
        function_request_id: 'lambda-req-1',
        api_request_id: 'api-req-1',
        function_name: 'kundpuls-api',
        cold_start: true,
      });
    expect(second.lines.length).toBeGreaterThan(0);
    for (const line of second.lines)
      expect(line).toMatchObject({
        function_request_id: 'lambda-req-2',
        api_request_id: 'api-req-2',
        cold_start: false,
      });
    expect(first.all + second.all).not.toMatch(/admin@example\.org/);
  });

  it('log an error with its name, message, AWS error code and stack, and no e-mail address or token', async () => {
    process.env.DYNAMODB_ENDPOINT = `http://127.0.0.1:${(failingDynamo.address() as AddressInfo).port}`;
    let status = 0;
    const { all, lines } = await logLinesOf(async () => {
      status = (
        await answerPages(
          httpApiEvent('GET', `/r/org_x.rnd_y.${TOKEN}`),
          context('lambda-req-3', 'kundpuls-answers'),
        )
      ).statusCode;
    });

    expect(status).toBe(500);
    const failed = lines.find((line) => line.message === 'request failed');
    expect(failed).toMatchObject({
      level: 'ERROR',
      function_request_id: 'lambda-req-3',
      api_request_id: 'req-1',
      function_name: 'kundpuls-answers',
      route: '/r/:token',
      error: {
        name: 'ValidationException',
        code: 'ValidationException',
        httpStatusCode: 400,
        awsRequestId: 'DDB-REQ-1',
        message: 'Item for [redacted] with key [redacted] is not valid',
      },
    });
    expect(failed?.error.stack).toMatch(/ValidationException/);
    expect(failed?.error.stack).toMatch(/\.ts:\d+:\d+/);
    expect(all).not.toContain(EMAIL);
    expect(all).not.toContain(TOKEN);
  });
});

/** A log that keeps every line it is given, with its child fields. */
function keptLog(lines: LogFields[], base: LogFields = {}): Logger {
  const keep = (message: string, fields: LogFields = {}) => lines.push({ message, ...base, ...fields });
  return { info: keep, warn: keep, error: keep, child: (fields) => keptLog(lines, { ...base, ...fields }) };
}

describe('a tick run', () => {
  it('puts one correlation id on every line of the run, a new one for the next run', async () => {
    const lines: LogFields[] = [];
    const first: LogFields[] = [];
    await runTick({ ...stack.deps, logger: keptLog(first) });
    await runTick({ ...stack.deps, logger: keptLog(lines) });

    expect(first.length).toBeGreaterThan(1);
    const ids = new Set(first.map((line) => line.correlation_id));
    expect(ids.size).toBe(1);
    expect(lines.every((line) => line.correlation_id === lines[0]?.correlation_id)).toBe(true);
    expect(typeof lines[0]?.correlation_id).toBe('string');
    expect(ids.has(lines[0]?.correlation_id)).toBe(false);
  });
});
