/**
 * Structured JSON logs, one object a line. Callers pass ids and counts only: never an e-mail address, a token
 * or an answer's text. `silent` keeps test output readable.
 */
export type LogFields = Record<string, string | number | boolean | undefined>;

export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export function createLogger(level: 'info' | 'warn' | 'error' | 'silent' = 'info'): Logger {
  const order = { info: 0, warn: 1, error: 2, silent: 3 } as const;
  const write =
    (at: 'info' | 'warn' | 'error') =>
    (message: string, fields: LogFields = {}) => {
      if (order[at] < order[level]) return;
      process.stdout.write(
        `${JSON.stringify({ level: at, time: new Date().toISOString(), message, ...fields })}\n`,
      );
    };
  return { info: write('info'), warn: write('warn'), error: write('error') };
}

export function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
