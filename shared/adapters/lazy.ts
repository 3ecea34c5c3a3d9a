import type { Mailer, TickTrigger } from '../ports.js';

/**
 * Cold start: most API requests send no mail, so the SES client and nodemailer's MIME composer (~230 KB) sit
 * behind `import()` and are evaluated on the first send. esbuild inlines the dynamically imported modules
 * into the same file; only their evaluation is deferred.
 */
export function lazyMailer(load: () => Promise<Mailer>): Mailer {
  let mailer: Promise<Mailer> | undefined;
  return {
    send(mail) {
      mailer ??= load().catch((error: unknown) => {
        mailer = undefined; // a failed load is retried on the next send, not cached
        throw error;
      });
      return mailer.then((m) => m.send(mail));
    },
  };
}

/** The EventBridge client is needed only when the tick's mode changes: a few calls a round. */
export function lazyTickTrigger(load: () => Promise<TickTrigger>): TickTrigger {
  let trigger: Promise<TickTrigger> | undefined;
  const loaded = () => {
    trigger ??= load().catch((error: unknown) => {
      trigger = undefined;
      throw error;
    });
    return trigger;
  };
  return {
    everyMinute: () => loaded().then((t) => t.everyMinute()),
    idleUntil: (at) => loaded().then((t) => t.idleUntil(at)),
  };
}
