/**
 * Row 10's worker: one tick worker in its own process, running the real tick back to back (as the every-minute
 * rule starts it, overlapping up to the reserved concurrency) on a clock that runs `scale` times real time, with
 * a mailer that counts and takes the modelled SES + DynamoDB latency of one send. Reports, per organisation,
 * its first and last invitation and how many, on the shared clock, and the process's peak memory.
 */

import { localChoices } from '../../infra/local/choices.js';
import type { Clock } from '../../shared/common-ports.js';
import { loadConfig } from '../../shared/config.js';
import { createTickingDeps } from '../../shared/deps.js';
import type { Mailer } from '../../shared/mail/ports.js';
import { runTick } from '../../shared/tick/run-tick.js';
import { orgOfAddress } from '../support/many-organisations.js';
import { childInput, memorySampler, reportResult } from './support/child.js';

const input = childInput<{
  env: Record<string, string>;
  /** Real epoch ms at which every worker starts, and the simulated time it stands for. */
  startReal: number;
  startAt: number;
  /** Simulated milliseconds per real millisecond. */
  scale: number;
  /** Simulated milliseconds one send takes on AWS (SES call and the writes around it). */
  sendMs: number;
  /** Stop once simulated time passes this (a guard; a healthy run ends when a tick finds nothing to send). */
  untilAt: number;
}>();
const clock: Clock = {
  now: () => new Date(input.startAt + (Date.now() - input.startReal) * input.scale),
};
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms / input.scale));
const perOrg = new Map<string, [first: number, last: number, count: number]>();
const mailer: Mailer = {
  async send(mail) {
    await sleep(input.sendMs);
    const org = orgOfAddress(mail.to) ?? 'other';
    const at = clock.now().getTime();
    const seen = perOrg.get(org);
    if (seen) {
      seen[1] = at;
      seen[2]++;
    } else perOrg.set(org, [at, at, 1]);
    return { messageId: String(at) };
  },
};
const deps = createTickingDeps(await loadConfig(input.env), localChoices(), { clock, mailer });
const memory = memorySampler(50);

await new Promise((resolve) => setTimeout(resolve, Math.max(0, input.startReal - Date.now())));
const lateMs = Math.max(0, clock.now().getTime() - input.startAt);
let ticks = 0;
let sent = 0;
for (;;) {
  const stats = await runTick({ ...deps, sleep });
  ticks++;
  sent += stats.sent;
  if (stats.sent === 0 || clock.now().getTime() > input.untilAt) break;
}
reportResult({ ticks, sent, lateMs, perOrg: Object.fromEntries(perOrg), memory: memory.stop() });
process.exit(0);
