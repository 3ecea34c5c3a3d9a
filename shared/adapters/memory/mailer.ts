import type { LogFields, Logger } from '../../logger.js';
import type { Mailer, OutgoingMail } from '../../mail/ports.js';

/** Keeps every mail it was asked to send, in order; `failNext` makes the next sends fail, as SES may. */
export function createMemoryMailer() {
  const sent: OutgoingMail[] = [];
  let failures = 0;
  const mailer: Mailer & { sent: OutgoingMail[]; failNext(count?: number): void } = {
    sent,
    failNext(count = 1) {
      failures = count;
    },
    async send(mail) {
      if (failures > 0) {
        failures--;
        throw Object.assign(new Error('SES refused the mail'), { name: 'Throttling' });
      }
      sent.push(structuredClone(mail));
      return { messageId: `memory-${sent.length}` };
    },
  };
  return mailer;
}

export interface LogLine extends LogFields {
  level: 'info' | 'warn' | 'error';
  message: string;
}

/** Keeps log lines instead of printing them, so a test can read what a run logged. */
export function createMemoryLogger(
  lines: LogLine[] = [],
  context: LogFields = {},
): Logger & { lines: LogLine[] } {
  const log =
    (level: LogLine['level']) =>
    (message: string, fields: LogFields = {}) => {
      lines.push({ ...context, ...fields, level, message });
    };
  return {
    lines,
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    child: (fields) => createMemoryLogger(lines, { ...context, ...fields }),
  };
}
