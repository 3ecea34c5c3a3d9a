import { AsyncLocalStorage } from 'node:async_hooks';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RequestCost } from './modelled-stores.js';
import type { VirtualTime } from './virtual-time.js';

/** Which port method a DynamoDB request was issued by (`invitations.claimMail`), while it runs. */
const caller = new AsyncLocalStorage<string>();

/** Port method → calls made, and DynamoDB commands issued under it by command name. */
export interface PortReading {
  calls: Record<string, number>;
  commands: Record<string, Record<string, number>>;
}

/** Memory stores standing for the table: each call costs the requests it would make, in simulated time. */
export interface RequestModel {
  time: VirtualTime;
  dbMs: number;
  costOf: (label: string, args: unknown[]) => RequestCost;
}

/**
 * Counts every call of every method of the named stores of `deps` (replacing each store with a counting
 * wrapper) and, with `countCommands(db)`, every DynamoDB command by the port method that issued it: where a
 * run's requests go. With a `model` (memory stores), each call instead counts the requests it stands for
 * (as `modelled`) and answers `dbMs` × those made one after another later, in simulated time.
 */
export function meterPorts<D extends object>(deps: D, stores: (keyof D & string)[], model?: RequestModel) {
  const reading: PortReading = { calls: {}, commands: {} };
  for (const store of stores) {
    const target = deps[store] as Record<string, unknown>;
    const wrapped: Record<string, unknown> = {};
    for (const [name, method] of Object.entries(target)) {
      if (typeof method !== 'function') {
        wrapped[name] = method;
        continue;
      }
      const label = `${store}.${name}`;
      const invoke = (args: unknown[]) =>
        (method as (...a: unknown[]) => Promise<unknown>).apply(target, args);
      wrapped[name] = (...args: unknown[]) => {
        reading.calls[label] = (reading.calls[label] ?? 0) + 1;
        if (!model) return caller.run(label, () => invoke(args));
        const cost = model.costOf(label, args);
        const byCommand = reading.commands[label] ?? {};
        byCommand.modelled = (byCommand.modelled ?? 0) + cost.requests;
        reading.commands[label] = byCommand;
        return cost.sequential === 0
          ? invoke(args)
          : model.time.call(model.dbMs * cost.sequential, () => invoke(args));
      };
    }
    (deps as Record<string, unknown>)[store] = wrapped;
  }
  return {
    reading,
    /** Attributes every command of this client to the port method running it (`other` outside one). */
    countCommands(db: DynamoDBDocumentClient) {
      db.middlewareStack.add(
        (next, context) => async (args) => {
          const label = caller.getStore() ?? 'other';
          const byCommand = reading.commands[label] ?? {};
          const name = String(context.commandName).replace(/Command$/, '');
          byCommand[name] = (byCommand[name] ?? 0) + 1;
          reading.commands[label] = byCommand;
          return next(args);
        },
        { step: 'initialize', name: 'benchPortMeter' },
      );
    },
  };
}

/** A reading as lines per mail, largest first: `  4.00  invitations.claimMail  UpdateItem 4.00`. */
export function perMailLines(reading: PortReading, mails: number): string[] {
  const per = (n: number) => (n / Math.max(1, mails)).toFixed(2);
  const rows = Object.entries(reading.commands).map(([label, byCommand]) => {
    const total = Object.values(byCommand).reduce((sum, n) => sum + n, 0);
    const detail = Object.entries(byCommand)
      .map(([name, n]) => `${name} ${per(n)}`)
      .join(', ');
    return {
      total,
      line: `${per(total).padStart(6)}  ${label} (${per(reading.calls[label] ?? 0)} calls): ${detail}`,
    };
  });
  const total = rows.reduce((sum, row) => sum + row.total, 0);
  return [
    `${per(total).padStart(6)}  DynamoDB requests a mail, by port method:`,
    ...rows.sort((a, b) => b.total - a.total).map((row) => row.line),
  ];
}
