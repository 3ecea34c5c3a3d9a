import { fileURLToPath } from 'node:url';
import { seedOrganisationWithRound } from '../support/many-organisations.js';
import { startBenchStack } from './support/bench-stack.js';
import { type MemoryPeak, runChild } from './support/child.js';
import type { Row } from './support/rows.js';
import { inChunks, seedInvitations } from './support/seed.js';
import { startServices } from './support/services.js';
import { int, mb, QUICK, ratio } from './support/stats.js';

const CHILD = fileURLToPath(new URL('./many-organisations-child.ts', import.meta.url));

/**
 * 2,000 organisations of 300 (600,000 invitations); quick: 520 of 2, still more than the old cap of 500 rounds.
 * A full run sends 600,000 mails through dynalite three times: hours, however fast the simulated clock runs.
 */
const ORGS = QUICK ? 520 : 2000;
const RESPONDENTS = QUICK ? 2 : 300;
/**
 * Real mails a second the simulation runs at, whatever the quota: what one dynalite process keeps up with at
 * ~12 requests a mail (page reads, claim, token, settle, progress) on a busy 2-core machine.
 */
const REAL_RATE = QUICK ? 4 : 40;
/** One send on AWS: SES ~30 ms and three writes of ~5 ms (row 8's model): 8 in flight make ~170 mails/s a worker. */
const SEND_MS = 45;
const TICK_BUDGET_S = 600;

interface WorkerResult {
  ticks: number;
  sent: number;
  lateMs: number;
  perOrg: Record<string, [number, number, number]>;
  memory: MemoryPeak;
}

/**
 * A fresh dynalite with ORGS organisations whose rounds all opened in the same minute, invitations created in
 * bulk (as the tick's first step would, so the simulated clock measures sending), then `workers` tick workers in
 * their own processes sharing the table's send bucket at `quota` mails a second, on a clock scaled so that the
 * quota is REAL_RATE real mails a second.
 */
async function manyOrganisations(quota: number, workers: number) {
  const services = await startServices();
  const stack = await startBenchStack(services, { env: { MAIL_RATE_PER_SECOND: String(quota) } });
  try {
    const opensAt = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    const ids = Array.from({ length: ORGS }, (_, i) => `org_b${String(i).padStart(5, '0')}`);
    await inChunks(ids, 1, async ([orgId]) => {
      const seeded = await seedOrganisationWithRound(stack.deps, {
        orgId: orgId as string,
        respondents: RESPONDENTS,
        opensAt,
      });
      await seedInvitations(
        stack,
        { id: seeded.roundId, orgId: seeded.orgId, opensAt: opensAt.toISOString() },
        seeded.respondents,
        { sent: false, answered: false },
      );
      await stack.deps.rounds.updateProgress(seeded.orgId, seeded.roundId, { invitationsCreated: true });
    });
    const volume = ORGS * RESPONDENTS;
    const scale = REAL_RATE / quota;
    const startAt = opensAt.getTime() + 30_000;
    const startReal = Date.now() + 15_000;
    const results = await Promise.all(
      Array.from({ length: workers }, () =>
        runChild<WorkerResult>(CHILD, {
          env: {
            ...stack.env,
            MAIL_RATE_PER_SECOND: String(quota),
            TICK_BUDGET_SECONDS: String(TICK_BUDGET_S),
          },
          startReal,
          startAt,
          scale,
          sendMs: SEND_MS,
          untilAt: startAt + (3 * volume * 1000) / quota + 2 * TICK_BUDGET_S * 1000,
        }),
      ),
    );
    return { ...summarise(results, startAt), volume, quota, workers };
  } finally {
    await stack.close();
    await services.close();
  }
}

function summarise(results: WorkerResult[], startAt: number) {
  const orgs = new Map<string, [number, number, number]>();
  for (const result of results)
    for (const [org, [first, last, count]] of Object.entries(result.perOrg)) {
      const seen = orgs.get(org);
      orgs.set(
        org,
        seen ? [Math.min(seen[0], first), Math.max(seen[1], last), seen[2] + count] : [first, last, count],
      );
    }
  const firsts = [...orgs.values()].map(([first]) => first - startAt);
  const lasts = [...orgs.values()].map(([, last]) => last - startAt);
  return {
    served: orgs.size,
    sent: results.reduce((sum, r) => sum + r.sent, 0),
    firstAllS: Math.max(...firsts) / 1000,
    allSentS: Math.max(...lasts) / 1000,
    spreadS: (Math.max(...lasts) - Math.min(...lasts)) / 1000,
    lateS: Math.max(...results.map((r) => r.lateMs)) / 1000,
    peakRss: Math.max(...results.map((r) => r.memory.peakRss)),
    peakHeap: Math.max(...results.map((r) => r.memory.peakHeap)),
  };
}

const seconds = (s: number) => `${s < 100 ? s.toFixed(1) : int(s)} s`;

/** Row 10 (issue 18 calls it row 9): many organisations opening in the same minute, at two SES quotas, with one and two workers. */
export async function manyOrganisationsBench(): Promise<Row[]> {
  const slow = await manyOrganisations(14, 1);
  const fastOne = await manyOrganisations(200, 1);
  const fastTwo = await manyOrganisations(200, 2);
  const shape = `${int(ORGS)} organisations × ${RESPONDENTS} (${int(ORGS * RESPONDENTS)} invitations) opening in the same minute`;
  const paceOf = (run: typeof slow) => run.allSentS / (run.volume / run.quota);
  const line = (run: typeof slow) =>
    `${run.quota}/s, ${run.workers} worker${run.workers > 1 ? 's' : ''}: all sent in ${seconds(run.allSentS)} = ${ratio(paceOf(run))} volume ÷ quota (${seconds(run.volume / run.quota)}); every organisation's first invitation by ${seconds(run.firstAllS)}; finish times spread over ${seconds(run.spreadS)}`;
  return [
    {
      n: 10,
      what: `Many organisations at once: rounds never served, ${shape} (dynalite, counting mailer, ${SEND_MS} ms a send simulated)`,
      figure: [slow, fastOne, fastTwo]
        .map(
          (run) =>
            `${run.quota}/s × ${run.workers}: ${int(ORGS - run.served)} unserved, ${int(run.sent)} of ${int(run.volume)} sent`,
        )
        .join('; '),
      target: '0 unserved, every invitation sent',
      ok: [slow, fastOne, fastTwo].every((run) => run.served === ORGS && run.sent === run.volume),
    },
    {
      n: 10,
      what: "Many organisations at once: time to every organisation's first invitation at 200/s (simulated clock)",
      figure: `${seconds(fastOne.firstAllS)} with 1 worker, ${seconds(fastTwo.firstAllS)} with 2; at 14/s ${seconds(slow.firstAllS)}`,
      target: `within the first tick's budget (${TICK_BUDGET_S} s)`,
      ok: fastOne.firstAllS <= TICK_BUDGET_S && fastTwo.firstAllS <= TICK_BUDGET_S,
    },
    {
      n: 10,
      what: 'Many organisations at once: time until all are sent vs volume ÷ quota, and the spread of finish times',
      figure: `${line(slow)}. ${line(fastOne)}. ${line(fastTwo)}`,
      target: '≤ 1.10× at 14/s (1 worker) and at 200/s (2 workers)',
      ok: paceOf(slow) <= 1.1 && paceOf(fastTwo) <= 1.1,
    },
    {
      n: 10,
      what: 'Many organisations at once: do more workers reach the quota, and peak memory of a worker',
      figure: `at 200/s, 1 worker sends at ${int(fastOne.volume / fastOne.allSentS)}/s, 2 workers at ${int(fastTwo.volume / fastTwo.allSentS)}/s; peak RSS ${mb(Math.max(slow.peakRss, fastOne.peakRss, fastTwo.peakRss))}, peak heap ${mb(Math.max(slow.peakHeap, fastOne.peakHeap, fastTwo.peakHeap))}; worker start ${seconds(Math.max(slow.lateS, fastOne.lateS, fastTwo.lateS))} late at most (counted)`,
      target: '2 workers reach the quota one cannot',
      ok: paceOf(fastTwo) <= 1.1 && paceOf(fastTwo) < paceOf(fastOne),
    },
  ];
}
