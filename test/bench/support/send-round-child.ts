/**
 * Row 5's child: runs the real tick in a fresh process until a round's invitations are all mailed, and reports
 * how many went out, how fast, and the process's peak memory. `mailer: 'count'` replaces SES with a mailer
 * that only counts (the invitation mail is still built), for runs too large for the SES emulator.
 */
import { localChoices } from '../../../infra/local/choices.js';
import { loadConfig } from '../../../shared/config.js';
import { createTickingDeps } from '../../../shared/deps.js';
import type { Mailer } from '../../../shared/mail/ports.js';
import { runTick } from '../../../shared/tick/run-tick.js';
import { childInput, memorySampler, reportResult, sampledAt } from './child.js';

const input = childInput<{
  env: Record<string, string>;
  orgId: string;
  roundId: string;
  mailer: 'count' | 'ses';
}>();
const config = await loadConfig(input.env);
const sends: number[] = [];
const base = createTickingDeps(config, localChoices());
const counting: Mailer = { send: async () => ({ messageId: String(sends.length) }) };
const inner = input.mailer === 'count' ? counting : base.mailer;
const mailer: Mailer = {
  async send(mail) {
    const result = await inner.send(mail);
    sends.push(performance.now());
    return result;
  },
};
const memory = memorySampler();
const deps = { ...base, mailer, invitations: sampledAt(base.invitations, 'page', memory) };

const start = performance.now();
let ticks = 0;
for (;;) {
  await runTick(deps);
  ticks++;
  const round = await deps.rounds.get(input.orgId, input.roundId);
  if (round?.progress.inviteDone || ticks > 50) break;
}
const ms = performance.now() - start;
const first = sends[0] ?? 0;
const last = sends.at(-1) ?? 0;
reportResult({
  ms,
  ticks,
  sent: sends.length,
  // Mails per second between the first and the last send: the pace, without start-up and the final page.
  perSecond: sends.length > 1 ? ((sends.length - 1) / (last - first)) * 1000 : 0,
  memory: memory.stop(),
});
process.exit(0);
