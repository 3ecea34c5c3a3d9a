/**
 * Row 10's workers: the real tick on simulated time (support/virtual-time.ts), in their own process, against
 * dynalite or against the memory stores standing for the table (`store: 'memory'`: the contract-tested adapters,
 * invitations paged by shard as the table pages them, each call answering after the requests it stands for,
 * support/modelled-stores.ts). The every-minute rule is modelled as deployed: it fires on the minute and starts a
 * tick worker while fewer than `workers` (the reserved concurrency) run; a worker runs one tick to its budget or
 * until nothing is left. It also reports the DynamoDB requests every worker together made, by port method.
 * Every DynamoDB request takes `dbMs` and every SES send `sesMs` of simulated time; the counting mailer records,
 * per organisation, its first and last invitation and how many. Reports those, each send's time, and the
 * process's peak memory (all its workers together; with memory stores, also the stores' own heap).
 */
import type { Logger } from '../../shared/logger.js';
import type { Mailer } from '../../shared/mail/ports.js';
import { runTick } from '../../shared/tick/run-tick.js';
import type { TickDeps } from '../../shared/tick/tick-deps.js';
import { orgOfAddress, seedOrganisationWithRound } from '../support/many-organisations.js';
import { createMemoryDeps } from '../support/memory-deps.js';
import { startBenchStack } from './support/bench-stack.js';
import { childInput, memorySampler, reportResult } from './support/child.js';
import { requestCost, shardedMemoryInvitations } from './support/modelled-stores.js';
import { meterPorts, perMailLines } from './support/port-meter.js';
import { virtualTime } from './support/virtual-time.js';

const input = childInput<{
  store: 'dynalite' | 'memory';
  /** dynalite: the table the parent seeded. */
  env: Record<string, string>;
  pepper: string;
  /** memory: the organisations this process seeds (ids as the parent's), each with its round opening then. */
  seed: { orgIds: string[]; respondents: number; opensAt: string };
  mailRatePerSecond: number;
  tickBudgetMs: number;
  /** Simulated time at which the rule first fires. */
  startAt: number;
  workers: number;
  volume: number;
  sesMs: number;
  dbMs: number;
  /** Stop once simulated time passes this (a guard; a healthy run ends when every invitation is sent). */
  untilAt: number;
}>();

const time = virtualTime(input.startAt);
const perOrg = new Map<string, [first: number, last: number, count: number]>();
/** Sends go out in simulated-time order. */
const sends = { first: undefined as number | undefined, last: 0 };
let sent = 0;
const mailer: Mailer = {
  async send(mail) {
    await time.sleep(input.sesMs);
    const at = time.now();
    if (mail.purpose === 'invite') {
      sent++;
      sends.first ??= at;
      sends.last = at;
      const org = orgOfAddress(mail.to) ?? 'other';
      const seen = perOrg.get(org);
      if (seen) {
        seen[1] = at;
        seen[2]++;
      } else perOrg.set(org, [at, at, 1]);
    }
    return { messageId: String(at) };
  },
};
const STORES = [
  'organisations',
  'rounds',
  'invitations',
  'respondents',
  'suppressions',
  'tokens',
  'tickState',
  'mailQuota',
  'valueLists',
  'actions',
  'answers',
  'reports',
  'benchmarks',
] as const;
const gc = (globalThis as { gc?: () => void }).gc;
const silent: Logger = { info() {}, warn() {}, error() {}, child: () => silent };

/** The memory stores, seeded here (nothing costs simulated time yet), then every call modelled. */
async function memoryDeps() {
  const deps = createMemoryDeps({ clock: time.clock });
  deps.invitations = shardedMemoryInvitations();
  for (const orgId of input.seed.orgIds)
    await seedOrganisationWithRound(deps, {
      orgId,
      respondents: input.seed.respondents,
      opensAt: new Date(input.seed.opensAt),
    });
  const ports = meterPorts(deps, [...STORES], { time, dbMs: input.dbMs, costOf: requestCost });
  return { deps, ports, close: async () => {} };
}

/** The service's DynamoDB stores on the table the parent seeded, every request modelled. */
async function dynaliteDeps() {
  const services = {
    dynamoEndpoint: input.env.DYNAMODB_ENDPOINT as string,
    sesUrl: input.env.SES_ENDPOINT as string,
    tableName: input.env.TABLE_NAME as string,
    close: async () => {},
  };
  const stack = await startBenchStack(services, {
    pepper: input.pepper,
    env: input.env,
    overrides: { clock: time.clock, mailer, sleep: time.sleep },
  });
  time.model(stack.db, input.dbMs);
  const ports = meterPorts(stack.deps, [...STORES]);
  ports.countCommands(stack.db);
  return { deps: stack.deps, ports, close: () => stack.close() };
}

const stores = input.store === 'memory' ? await memoryDeps() : await dynaliteDeps();
const deps: TickDeps = {
  ...stores.deps,
  clock: time.clock,
  sleep: time.sleep,
  mailer,
  logger: silent,
  mailRatePerSecond: input.mailRatePerSecond,
  tickBudgetMs: input.tickBudgetMs,
};
gc?.();
/** The heap before any tick ran: with memory stores, mostly the seeded stores themselves. */
const seededHeap = process.memoryUsage().heapUsed;
const memory = memorySampler(50);

const ticks: { startedAt: number; endedAt: number; sent: number }[] = [];
let running = 0;
const runs: Promise<void>[] = [];
for (let firing = 0; sent < input.volume && time.now() < input.untilAt; firing++) {
  // Every worker is running from the start, as on AWS once the first minutes have passed (the measure is their
  // pace together), started a second apart so each begins its rotation elsewhere (on AWS: a minute apart);
  // after that, the rule starts one in place of a tick that ended.
  for (let started = 0; running < input.workers && (firing === 0 || started < 1); started++) {
    if (started > 0) await time.sleep(1_000);
    running++;
    const startedAt = time.now();
    runs.push(
      runTick(deps).then(
        (stats) => {
          running--;
          ticks.push({ startedAt, endedAt: time.now(), sent: stats.sent });
        },
        (error) => {
          process.stderr.write(`tick failed: ${String(error)}\n`);
          process.exit(1);
        },
      ),
    );
  }
  // The rule fires on the minute; between firings this loop only waits.
  const minute = 60_000;
  await time.sleep(minute - ((time.now() - input.startAt) % minute));
}
await Promise.all(runs);
await stores.close();
const peak = memory.stop();
gc?.();
const requests = Object.values(stores.ports.reading.commands)
  .flatMap((byCommand) => Object.values(byCommand))
  .reduce((sum, n) => sum + n, 0);
reportResult({
  sent,
  ticks,
  sends,
  perOrg: Object.fromEntries(perOrg),
  memory: peak,
  /** Heap after GC before the first tick and after the last: with memory stores, the stores' own. */
  storeHeap: { seeded: seededHeap, end: process.memoryUsage().heapUsed },
  requests,
  breakdown: perMailLines(stores.ports.reading, sent),
});
process.exit(0);
