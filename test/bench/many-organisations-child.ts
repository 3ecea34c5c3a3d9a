/**
 * Row 10's workers: the real tick against dynalite, on simulated time (support/virtual-time.ts), in their own
 * process. The every-minute rule is modelled as deployed: it fires on the minute and starts a tick worker while
 * fewer than `workers` (the reserved concurrency) run; a worker runs one tick to its budget or until nothing is
 * left. It also reports the DynamoDB requests and units every worker together used.
 * Every DynamoDB request takes `dbMs` and every SES send `sesMs` of simulated time; the counting mailer records,
 * per organisation, its first and last invitation and how many. Reports those, each send's time, and the
 * process's peak memory (all its workers together).
 */
import type { Mailer } from '../../shared/mail/ports.js';
import { runTick } from '../../shared/tick/run-tick.js';
import { orgOfAddress } from '../support/many-organisations.js';
import { startBenchStack } from './support/bench-stack.js';
import { childInput, memorySampler, reportResult } from './support/child.js';
import { meterPorts, perMailLines } from './support/port-meter.js';
import { virtualTime } from './support/virtual-time.js';

const input = childInput<{
  env: Record<string, string>;
  pepper: string;
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
const sends: number[] = [];
let sent = 0;
const mailer: Mailer = {
  async send(mail) {
    await time.sleep(input.sesMs);
    const at = time.now();
    if (mail.purpose === 'invite') {
      sent++;
      sends.push(at);
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
const ports = meterPorts(stack.deps, [
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
]);
ports.countCommands(stack.db);
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
      runTick(stack.deps).then(
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
await stack.close();
const { commands, readUnits, writeUnits } = stack.meter.read();
reportResult({
  sent,
  ticks,
  sends,
  perOrg: Object.fromEntries(perOrg),
  memory: memory.stop(),
  requests: { commands, readUnits, writeUnits },
  breakdown: perMailLines(ports.reading, sent),
});
process.exit(0);
