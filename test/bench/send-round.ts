import { fileURLToPath } from 'node:url';
import { enrolVerified } from '../support/enrol.js';
import { apiClient } from '../support/stack.js';
import { startBenchStack } from './support/bench-stack.js';
import { type MemoryPeak, runChild } from './support/child.js';
import type { Row } from './support/rows.js';
import { seedInvitations, seedRespondents } from './support/seed.js';
import { startServices } from './support/services.js';
import { int, label, mb, QUICK, ratio, size } from './support/stats.js';

const CHILD = fileURLToPath(new URL('./support/send-round-child.ts', import.meta.url));

interface SendRun {
  ms: number;
  ticks: number;
  sent: number;
  perSecond: number;
  memory: MemoryPeak;
}

/**
 * A fresh dynalite with one organisation of `count` respondents and a round just opened through the API,
 * its invitations created in bulk as the tick's first step would; then the tick mails them in a child process.
 */
async function sendRound(count: number, mailer: 'count' | 'ses', env: Record<string, string> = {}) {
  const services = await startServices();
  const stack = await startBenchStack(services);
  try {
    const org = await enrolVerified(stack);
    const respondents = await seedRespondents(stack, org.orgId, count);
    const opened = await apiClient(stack)('POST', `/v1/organisations/${org.orgId}/rounds`, {
      key: org.adminKey,
    });
    if (opened.status !== 201) throw new Error(`open failed: ${opened.text}`);
    const round = await stack.deps.rounds.get(org.orgId, opened.json.round.id);
    if (!round) throw new Error('round not stored');
    await seedInvitations(stack, round, respondents, { sent: false, answered: false });
    await stack.deps.rounds.updateProgress(org.orgId, round.id, { invitationsCreated: true });
    const run = await runChild<SendRun>(
      CHILD,
      {
        env: { ...stack.env, TICK_BUDGET_SECONDS: '3600', ...env },
        orgId: org.orgId,
        roundId: round.id,
        mailer,
      },
      { nodeFlags: ['--expose-gc'] },
    );
    if (run.sent !== count) throw new Error(`sent ${run.sent} of ${count}`);
    return run;
  } finally {
    await stack.close();
    await services.close();
  }
}

/**
 * Row 5. Memory while the tick mails 10k and 100k invitations (counting mailer, real DynamoDB adapters), and
 * the pace against the real SES emulator: unlimited, and with a configured rate below that.
 */
export async function sendRoundBench(): Promise<Row[]> {
  const [small, large] = [size(10_000), size(100_000)];
  const a = await sendRound(small, 'count');
  const b = await sendRound(large, 'count');
  const mails = QUICK ? 300 : 1000;
  const unlimited = await sendRound(mails, 'ses');
  // The rate must be the limit: well under what this machine manages without one.
  const rate = Math.min(50, Math.floor(unlimited.perSecond / 2));
  const limited = await sendRound(Math.min(mails, rate * 20), 'ses', { MAIL_RATE_PER_SECOND: String(rate) });
  const heapRatio = b.memory.peakLive / a.memory.peakLive;
  const pace = limited.perSecond / rate;
  return [
    {
      n: 5,
      what: `Send a round: peak live heap of the tick (after GC at each page), ${label(large)} vs ${label(small)} invitations`,
      figure: `${mb(b.memory.peakLive)} vs ${mb(a.memory.peakLive)} = ${ratio(heapRatio)} (raw peak heap ${mb(b.memory.peakHeap)} vs ${mb(a.memory.peakHeap)}, RSS ${mb(b.memory.peakRss)} vs ${mb(a.memory.peakRss)}; ${int(b.perSecond)} mails/s with a counting mailer)`,
      target: '≤ 1.30× (flat)',
      ok: heapRatio <= 1.3,
    },
    {
      n: 5,
      what: `Send a round: pace at a configured rate of ${rate}/s (${int(limited.sent)} mails to the SES emulator)`,
      figure: `${limited.perSecond.toFixed(1)} mails/s = ${(pace * 100).toFixed(1)} % of the rate`,
      target: 'within 10 % of the rate',
      ok: Math.abs(pace - 1) <= 0.1,
    },
    {
      n: 5,
      what: `Send a round: no rate limit (${int(unlimited.sent)} mails to the SES emulator)`,
      figure: `${unlimited.perSecond.toFixed(1)} mails/s`,
      target: 'printed',
    },
  ];
}
