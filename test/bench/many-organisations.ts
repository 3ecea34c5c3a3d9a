import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { seedOrganisationWithRound } from '../support/many-organisations.js';
import { rowsOf } from './many-organisations-rows.js';
import {
  ABOVE_ONE_WORKER,
  CHECK,
  CONFIGURATIONS,
  DB_MS,
  FULL,
  SES_MS,
  type Shape,
  TICK_BUDGET_S,
} from './many-organisations-shape.js';
import { startBenchStack } from './support/bench-stack.js';
import { type MemoryPeak, runChild } from './support/child.js';
import type { Row } from './support/rows.js';
import { inChunks } from './support/seed.js';
import { startServices } from './support/services.js';

const CHILD = fileURLToPath(new URL('./many-organisations-child.ts', import.meta.url));

interface WorkerResult {
  sent: number;
  ticks: { startedAt: number; endedAt: number; sent: number }[];
  sends: { first?: number; last: number };
  perOrg: Record<string, [number, number, number]>;
  memory: MemoryPeak;
  storeHeap: { seeded: number; end: number };
  /** DynamoDB requests every worker together made (or, on memory stores, stood for). */
  requests: number;
  /** DynamoDB requests a mail by port method and command, one line each. */
  breakdown: string[];
}

const orgIds = (count: number) =>
  Array.from({ length: count }, (_, i) => `org_b${String(i).padStart(5, '0')}`);
const opensAt = new Date(Date.parse('2027-03-01T08:00:00Z'));

/**
 * `shape.orgs` organisations whose rounds all opened in the same minute (the tick creates their invitations, as
 * it does on AWS), then the rule starting up to `workers` tick workers, all in one process on simulated time,
 * sharing the table's send bucket at `quota` mails a second: on a fresh dynalite, or on memory stores.
 */
async function manyOrganisations(quota: number, workers: number, store: 'dynalite' | 'memory', shape: Shape) {
  const volume = shape.orgs * shape.respondents;
  const startAt = opensAt.getTime() + 30_000;
  const input = {
    store,
    mailRatePerSecond: quota,
    tickBudgetMs: TICK_BUDGET_S * 1000,
    seed: { orgIds: orgIds(shape.orgs), respondents: shape.respondents, opensAt: opensAt.toISOString() },
    startAt,
    workers,
    volume,
    sesMs: SES_MS,
    dbMs: DB_MS,
    untilAt: startAt + (3 * volume * 1000) / quota + 2 * TICK_BUDGET_S * 1000,
  };
  const real = Date.now();
  const result =
    store === 'memory'
      ? await runChild<WorkerResult>(CHILD, { ...input, env: {}, pepper: '' }, CHILD_OPTIONS)
      : await onDynalite(quota, shape, (env, pepper) =>
          runChild<WorkerResult>(CHILD, { ...input, env, pepper }, CHILD_OPTIONS),
        );
  process.stderr.write(
    `${quota}/s × ${workers} on ${store}, ${shape.orgs} × ${shape.respondents}: ${result.breakdown.join('\n')}\n`,
  );
  return {
    ...summarise(result, startAt, quota),
    store,
    shape,
    volume,
    quota,
    workers,
    realS: (Date.now() - real) / 1000,
  };
}
const CHILD_OPTIONS = {
  nodeFlags: ['--expose-gc', ...(process.env.BENCH_NODE_FLAGS?.split(' ') ?? ['--max-old-space-size=8192'])],
  timeoutMs: 3 * 60 * 60_000,
};

/** A fresh dynalite seeded with the shape, for `run` to serve. */
async function onDynalite<T>(
  quota: number,
  shape: Shape,
  run: (env: Record<string, string>, pepper: string) => Promise<T>,
): Promise<T> {
  const services = await startServices();
  const stack = await startBenchStack(services, { env: { MAIL_RATE_PER_SECOND: String(quota) } });
  try {
    await inChunks(
      orgIds(shape.orgs),
      1,
      async ([orgId]) => {
        await seedOrganisationWithRound(stack.deps, {
          orgId: orgId as string,
          respondents: shape.respondents,
          opensAt,
        });
      },
      8,
    );
    return await run(
      { ...stack.env, MAIL_RATE_PER_SECOND: String(quota), TICK_BUDGET_SECONDS: String(TICK_BUDGET_S) },
      stack.env.TOKEN_PEPPER as string,
    );
  } finally {
    await stack.close();
    await services.close();
  }
}

/** The run's figures, and where its time went beyond volume ÷ quota. */
export function summarise(result: WorkerResult, startAt: number, quota: number) {
  const orgs = Object.values(result.perOrg);
  const firsts = orgs.map(([first]) => first - startAt);
  const lasts = orgs.map(([, last]) => last - startAt);
  return {
    served: orgs.length,
    sent: result.sent,
    firstAllS: Math.max(...firsts) / 1000,
    allSentS: Math.max(...lasts) / 1000,
    spreadS: (Math.max(...lasts) - Math.min(...lasts)) / 1000,
    startS: ((result.sends.first ?? startAt) - startAt) / 1000,
    // Time between the first and the last send beyond what the sends needed at the quota.
    idleS: Math.max(
      0,
      (result.sends.last - (result.sends.first ?? startAt)) / 1000 - (result.sent - 1) / quota,
    ),
    tickGapsS: result.ticks
      .map((tick) => tick.startedAt)
      .sort((a, b) => a - b)
      .map((at, i, all) => (i === 0 ? 0 : (at - (all[i - 1] as number)) / 1000)),
    ticks: result.ticks.length,
    requestsPerMail: result.requests / Math.max(1, result.sent),
    peakRss: result.memory.peakRss,
    peakHeap: result.memory.peakHeap,
    storeHeap: result.storeHeap,
  };
}

export type Run = Awaited<ReturnType<typeof manyOrganisations>>;
/**
 * Row 10 (issue 18 calls it row 9): many organisations opening in the same minute, at two SES quotas, with one and
 * two workers: the shape on the memory stores, then the reduced shape on both to check the substitution.
 */
export async function manyOrganisationsBench(): Promise<Row[]> {
  const runs: Run[] = [];
  for (const [store, shape, configurations] of [
    ['memory', FULL, [...CONFIGURATIONS, ...ABOVE_ONE_WORKER]],
    ['memory', CHECK, CONFIGURATIONS],
    ['dynalite', CHECK, CONFIGURATIONS],
  ] as const)
    for (const [quota, workers] of configurations) {
      const run = await manyOrganisations(quota, workers, store, shape);
      process.stderr.write(`many organisations ${JSON.stringify(run)}\n`);
      runs.push(run);
    }
  return rowsOf(runs);
}

/**
 * `tsx test/bench/many-organisations.ts 14 1 memory full`: one configuration alone (store `memory` or `dynalite`,
 * shape `full` or `check`), its figures printed as JSON (to find where time goes, or to run them side by side);
 * `tsx test/bench/many-organisations.ts a.json b.json …` prints the row from the nine such outputs.
 */
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  if (args[0]?.endsWith('.json')) {
    const runs = args.map((file) => JSON.parse(readFileSync(file, 'utf8')) as Run);
    const cell = (text: string) => text.replaceAll('|', '\\|');
    for (const r of rowsOf(runs))
      process.stdout.write(
        `| ${r.n} | ${cell(r.what)} | ${cell(r.figure)} | ${cell(r.target)} | ${r.ok ? 'yes' : 'NO'} |\n`,
      );
  } else {
    const [quota, workers] = args.slice(0, 2).map(Number);
    const store = args[2] === 'dynalite' ? 'dynalite' : 'memory';
    const shape = args[3] === 'check' ? CHECK : FULL;
    process.stdout.write(
      `${JSON.stringify(await manyOrganisations(quota ?? 14, workers ?? 1, store, shape))}\n`,
    );
  }
}
