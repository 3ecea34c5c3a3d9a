import { Logger as PowertoolsLogger } from '@aws-lambda-powertools/logger';
import type { LogLevel as PowertoolsLevel } from '@aws-lambda-powertools/logger/types';
import { errorFields, type LogFields, type Logger, type LogLevel } from '../../logger.js';
import { sourceMappedStack } from './source-mapped-stack.js';

/**
 * One Powertools Logger per process, as Powertools intends: the Lambda entry adds each invocation's context to
 * it (request ids, function, cold start) and every Logger made here writes through it. Powertools reads
 * POWERTOOLS_SERVICE_NAME itself; Lambda's AWS_LAMBDA_LOG_LEVEL wins over the level set here.
 */
const powertools = new PowertoolsLogger();

function safe(fields: LogFields): LogFields {
  const out: LogFields = {};
  for (const [key, value] of Object.entries(fields))
    out[key] = value instanceof Error ? errorFields(value, sourceMappedStack) : value;
  return out;
}

function writer(base: LogFields): Logger {
  return {
    info: (message, fields = {}) => powertools.info(message, safe({ ...base, ...fields })),
    warn: (message, fields = {}) => powertools.warn(message, safe({ ...base, ...fields })),
    error: (message, fields = {}) => powertools.error(message, safe({ ...base, ...fields })),
    child: (fields) => writer({ ...base, ...fields }),
  };
}

/** The process's log at the configured level. */
export function createLogger(level: LogLevel = 'info'): Logger {
  powertools.setLogLevel(level.toUpperCase() as PowertoolsLevel);
  return writer({});
}

/** The log before any configuration is read (a Lambda entry's own lines), at Powertools' level from the env. */
export const processLog: Logger = writer({});

interface LambdaContextLike {
  functionName: string;
  awsRequestId: string;
}

/**
 * Puts one Lambda invocation's context on every line until the next: the Lambda request id, the function, the
 * cold start, and API Gateway's request id when an HTTP API event carries one.
 */
export function logInvocation(event: unknown, context: LambdaContextLike | undefined) {
  powertools.resetKeys();
  if (context) powertools.addContext(context as Parameters<PowertoolsLogger['addContext']>[0]);
  const apiRequestId = (event as { requestContext?: { requestId?: unknown } } | undefined)?.requestContext
    ?.requestId;
  if (typeof apiRequestId === 'string') powertools.appendKeys({ api_request_id: apiRequestId });
}
