import type { Mailer } from '../mail/ports.js';
import type { SmsSender } from '../sms/sms-sender.js';
import type { TickTrigger } from '../tick/ports.js';

/** Runs `load` once and keeps its result; a failed load is not kept, so the next call tries again. */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => {
    loaded ??= load().catch((error: unknown) => {
      loaded = undefined;
      throw error;
    });
    return loaded;
  };
}

/**
 * Cold start: most API requests send no mail, so the SES client and nodemailer's MIME composer (~230 KB) sit
 * behind `import()` and are evaluated on the first send. esbuild inlines the dynamically imported modules
 * into the same file; only their evaluation is deferred.
 */
export function lazyMailer(load: () => Promise<Mailer>): Mailer {
  const mailer = once(load);
  return { send: (mail) => mailer().then((m) => m.send(mail)) };
}

/** The EventBridge client is needed only when the tick's schedule changes: a few calls a round. */
export function lazyTickTrigger(load: () => Promise<TickTrigger>): TickTrigger {
  const trigger = once(load);
  return {
    everyMinute: () => trigger().then((t) => t.everyMinute()),
    idleUntil: (at) => trigger().then((t) => t.idleUntil(at)),
  };
}

/** The SMS client is the tick's alone, and only for staff without e-mail: evaluated on the first SMS. */
export function lazySmsSender(load: () => Promise<SmsSender>): SmsSender {
  const sender = once(load);
  return { send: (message) => sender().then((s) => s.send(message)) };
}
