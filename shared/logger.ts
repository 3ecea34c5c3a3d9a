/**
 * The log the domain writes to: structured JSON, one object a line (shared/adapters/logging writes it). Callers
 * pass ids and counts, and errors as they caught them: an error becomes its name, message, AWS error code and
 * stack, with e-mail addresses and anything shaped like a token or key blotted out. Never pass an e-mail
 * address, a token or an answer's text as a field.
 */
export type LogFields = Record<string, unknown>;
export type LogLevel = 'info' | 'warn' | 'error' | 'silent';

export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** The same log with these fields on every line, e.g. one tick run's correlation id. */
  child(fields: LogFields): Logger;
}

export function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

/** E-mail addresses, and runs of 32+ token characters (secrets, keys, peppers, hex hashes). */
const PERSONAL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}|[A-Za-z0-9_-]{32,}/g;
const FRAME = /^\s+at /;

/** Text safe to log: e-mail addresses and token-like strings replaced. */
export function redact(text: string): string {
  return text.replace(PERSONAL, '[redacted]');
}

/** A stack safe to log: its message lines redacted, its frames (code positions, never data) kept. */
function redactStack(stack: string): string {
  return stack
    .split('\n')
    .map((line) => (FRAME.test(line) ? line : redact(line)))
    .join('\n');
}

interface AwsErrorShape {
  code?: unknown;
  Code?: unknown;
  $fault?: unknown;
  $metadata?: { httpStatusCode?: number; requestId?: string };
}

/**
 * What a log line says about an error. The AWS SDK puts the service's error code in `name` (with `$metadata`),
 * older shapes in `Code`; Node's system errors in `code`. `mapStack` turns bundle positions into source ones.
 */
export function errorFields(error: unknown, mapStack: (stack: string) => string = (stack) => stack) {
  if (!(error instanceof Error)) return { name: typeof error, message: redact(String(error)) };
  const aws = error as Error & AwsErrorShape;
  const code =
    typeof aws.Code === 'string'
      ? aws.Code
      : typeof aws.code === 'string'
        ? aws.code
        : aws.$metadata
          ? aws.name
          : undefined;
  return {
    name: error.name,
    message: redact(error.message),
    code,
    httpStatusCode: aws.$metadata?.httpStatusCode,
    awsRequestId: aws.$metadata?.requestId,
    stack: error.stack ? redactStack(mapStack(error.stack)) : undefined,
  };
}
