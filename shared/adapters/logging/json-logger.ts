import { errorFields, type LogFields, type Logger, type LogLevel } from '../../logger.js';
import { sourceMappedStack } from './source-mapped-stack.js';

/**
 * One JSON line per entry, with the field names Powertools for AWS Lambda uses (`level`, `message`,
 * `timestamp`, `service`, `cold_start`, `function_name`, `function_request_id`, …), so queries written for it
 * still work. Our own rather than Powertools' Logger: its import and constructor cost the answer pages' cold
 * start ~9 M instructions (≈ 4 ms) that the ≤ 1.2× target does not have (decision 125). Info goes to stdout,
 * warnings and errors to stderr; Lambda's log level filter (AWS_LAMBDA_LOG_LEVEL) applies on top of ours.
 */
const RANK: Record<LogLevel, number> = { info: 1, warn: 2, error: 3, silent: 4 };
const isLevel = (value: unknown): value is LogLevel => typeof value === 'string' && value in RANK;

const initial = process.env.LOG_LEVEL?.toLowerCase();
let threshold = RANK[isLevel(initial) ? initial : 'info'];
/** The invocation's fields, on every line until the next invocation. */
let invocation: LogFields = {};
let invoked = false;

function safe(fields: LogFields): LogFields {
  const out: LogFields = {};
  for (const [key, value] of Object.entries(fields))
    out[key] = value instanceof Error ? errorFields(value, sourceMappedStack) : value;
  return out;
}

function line(level: Exclude<LogLevel, 'silent'>, message: string, fields: LogFields): string {
  const head = {
    level: level.toUpperCase(),
    message,
    timestamp: new Date().toISOString(),
    service: process.env.POWERTOOLS_SERVICE_NAME ?? 'kundpuls',
    ...invocation,
  };
  try {
    return JSON.stringify({ ...head, ...safe(fields) }, (_key, value) =>
      typeof value === 'bigint' ? String(value) : value,
    );
  } catch {
    // A field that cannot be written (a cycle) must not lose the line.
    return JSON.stringify({ ...head, unloggable_fields: Object.keys(fields) });
  }
}

function write(level: Exclude<LogLevel, 'silent'>, message: string, fields: LogFields) {
  if (RANK[level] < threshold) return;
  const text = `${line(level, message, fields)}\n`;
  if (level === 'info') process.stdout.write(text);
  else process.stderr.write(text);
}

function writer(base: LogFields): Logger {
  return {
    info: (message, fields = {}) => write('info', message, { ...base, ...fields }),
    warn: (message, fields = {}) => write('warn', message, { ...base, ...fields }),
    error: (message, fields = {}) => write('error', message, { ...base, ...fields }),
    child: (fields) => writer({ ...base, ...fields }),
  };
}

/** The process's log at the configured level. */
export function createLogger(level: LogLevel = 'info'): Logger {
  threshold = RANK[level];
  return writer({});
}

/** The log before any configuration is read (a Lambda entry's own lines), at LOG_LEVEL from the env. */
export const processLog: Logger = writer({});

interface LambdaContextLike {
  functionName: string;
  awsRequestId: string;
  invokedFunctionArn?: string;
  memoryLimitInMB?: string;
}

/**
 * Puts one Lambda invocation's context on every line until the next: the Lambda request id, the function, the
 * cold start (the process's first invocation, unless provisioned concurrency initialised it ahead), X-Ray's
 * trace id, and API Gateway's request id when an HTTP API event carries one.
 */
export function logInvocation(event: unknown, context: LambdaContextLike | undefined) {
  const cold = !invoked && process.env.AWS_LAMBDA_INITIALIZATION_TYPE !== 'provisioned-concurrency';
  invoked = true;
  const apiRequestId = (event as { requestContext?: { requestId?: unknown } } | undefined)?.requestContext
    ?.requestId;
  invocation = {
    ...(context && {
      cold_start: cold,
      function_arn: context.invokedFunctionArn,
      function_memory_size:
        context.memoryLimitInMB === undefined ? undefined : Number(context.memoryLimitInMB),
      function_name: context.functionName,
      function_request_id: context.awsRequestId,
    }),
    ...(process.env._X_AMZN_TRACE_ID && { xray_trace_id: process.env._X_AMZN_TRACE_ID }),
    ...(typeof apiRequestId === 'string' && { api_request_id: apiRequestId }),
  };
}
