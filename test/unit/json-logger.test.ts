import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** A fresh logger module (its level and invocation are per process) and the lines it writes, by stream. */
async function freshLog(env: Record<string, string> = {}) {
  vi.resetModules();
  for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => out.push(String(chunk)) > 0);
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => err.push(String(chunk)) > 0);
  const log = await import('../../shared/adapters/logging/json-logger.js');
  const parsed = (lines: string[]) => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { ...log, out: () => parsed(out), err: () => parsed(err) };
}

const context = (awsRequestId: string) => ({
  functionName: 'kundpuls-answers',
  awsRequestId,
  invokedFunctionArn: 'arn:aws:lambda:eu-north-1:123456789012:function:kundpuls-answers',
  memoryLimitInMB: '1024',
});

beforeEach(() => vi.unstubAllEnvs());
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('the JSON logger', () => {
  it('writes info to stdout and warnings and errors to stderr, at or above the configured level', async () => {
    const log = await freshLog();
    const logger = log.createLogger('warn');

    logger.info('quiet');
    logger.warn('loud', { count: 2n });
    logger.error('louder');

    expect(log.out()).toEqual([]);
    expect(log.err().map((line) => [line.level, line.message, line.count])).toEqual([
      ['WARN', 'loud', '2'],
      ['ERROR', 'louder', undefined],
    ]);
  });

  it('starts at LOG_LEVEL from the environment before any configuration is read', async () => {
    const log = await freshLog({ LOG_LEVEL: 'silent' });

    log.processLog.error('not written');

    expect(log.err()).toEqual([]);
  });

  it('marks only the first invocation cold, with its ids, and keeps child fields', async () => {
    const log = await freshLog({ _X_AMZN_TRACE_ID: 'Root=1-abc' });
    const logger = log.createLogger('info').child({ correlation_id: 'c-1' });

    log.logInvocation({ requestContext: { requestId: 'api-1' } }, context('req-1'));
    logger.info('first');
    log.logInvocation({}, context('req-2'));
    logger.info('second');

    const [first, second] = log.out();
    expect(first).toMatchObject({
      level: 'INFO',
      service: 'kundpuls',
      cold_start: true,
      function_name: 'kundpuls-answers',
      function_memory_size: 1024,
      function_request_id: 'req-1',
      api_request_id: 'api-1',
      xray_trace_id: 'Root=1-abc',
      correlation_id: 'c-1',
    });
    expect(second).toMatchObject({ cold_start: false, function_request_id: 'req-2' });
    expect(second).not.toHaveProperty('api_request_id');
  });

  it('is never cold under provisioned concurrency, which initialised the function ahead', async () => {
    const log = await freshLog({ AWS_LAMBDA_INITIALIZATION_TYPE: 'provisioned-concurrency' });

    log.logInvocation({}, context('req-1'));
    log.processLog.info('warm');

    expect(log.out()[0]).toMatchObject({ cold_start: false });
  });

  it('keeps the line when a field cannot be written, naming the fields it dropped', async () => {
    const log = await freshLog();
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;

    log.createLogger('info').info('odd', { cycle });

    expect(log.out()).toEqual([expect.objectContaining({ message: 'odd', unloggable_fields: ['cycle'] })]);
  });

  it('writes an error as its name, message and stack, with e-mail addresses blotted out', async () => {
    const log = await freshLog();

    log.createLogger('info').error('failed', { error: new TypeError('no row for someone@example.org') });

    const [line] = log.err();
    expect(line?.error).toMatchObject({ name: 'TypeError', message: 'no row for [redacted]' });
    expect(JSON.stringify(line)).not.toContain('someone@example.org');
  });
});
