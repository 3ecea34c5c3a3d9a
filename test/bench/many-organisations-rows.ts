import type { Run } from './many-organisations.js';
import {
  ABOVE_ONE_WORKER,
  AGREE,
  CHECK,
  CONFIGURATIONS,
  DB_MS,
  FULL,
  SES_MS,
  type Shape,
  TICK_BUDGET_S,
} from './many-organisations-shape.js';
import type { Row } from './support/rows.js';
import { int, mb, ratio } from './support/stats.js';

const seconds = (s: number) => `${s < 100 ? s.toFixed(1) : int(s)} s`;
const paceOf = (run: Run) => run.allSentS / (run.volume / run.quota);
const shapeText = (shape: Shape) =>
  `${int(shape.orgs)} organisations × ${shape.respondents} (${int(shape.orgs * shape.respondents)} invitations)`;
const sameShape = (a: Shape, b: Shape) => a.orgs === b.orgs && a.respondents === b.respondents;
const differs = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-9);

/** The row's lines from its nine runs (each configuration: the issue's shape on memory, the check on both). */
export function rowsOf(runs: Run[]): Row[] {
  const find = (store: string, shape: Shape, quota: number, workers: number) => {
    const run = runs.find(
      (r) => r.store === store && sameShape(r.shape, shape) && r.quota === quota && r.workers === workers,
    );
    if (!run) throw new Error(`no ${store} run at ${quota}/s × ${workers}, ${shapeText(shape)}`);
    return run;
  };
  const full = [...CONFIGURATIONS, ...ABOVE_ONE_WORKER].map(([quota, workers]) =>
    find('memory', FULL, quota, workers),
  );
  const [slow, fastOne, fastTwo] = full as [Run, Run, Run];
  const [aboveOne, aboveTwo] = ABOVE_ONE_WORKER.map(([quota, workers]) =>
    find('memory', FULL, quota, workers),
  ) as [Run, Run];
  const rate = (run: Run) => `${int(run.volume / run.allSentS)}/s (${ratio(paceOf(run))})`;
  const pairs = CONFIGURATIONS.map(
    ([quota, workers]) =>
      [find('memory', CHECK, quota, workers), find('dynalite', CHECK, quota, workers)] as const,
  );
  const simulated = `simulated time: ${SES_MS} ms a send, ${DB_MS} ms a DynamoDB request, workers started together a second apart, a tick that ends replaced on the minute; the memory stores stand for the table, each call answering after the requests it makes there`;
  const line = (run: Run) =>
    `${run.quota}/s, ${run.workers} worker${run.workers > 1 ? 's' : ''}: all sent in ${seconds(run.allSentS)} = ${ratio(paceOf(run))} volume ÷ quota (${seconds(run.volume / run.quota)}; first mail at ${seconds(run.startS)}, quota unused ${seconds(run.idleS)}); every organisation's first invitation by ${seconds(run.firstAllS)}; finish times spread over ${seconds(run.spreadS)}`;
  const dynalite = pairs.map(([, d]) => d);
  const workersHeap = Math.max(...full.map((r) => r.peakHeap - r.storeHeap.end));
  const storesHeap = Math.max(...full.map((r) => r.storeHeap.end));
  const agreement = pairs.map(([m, d]) => ({
    m,
    d,
    gap: Math.max(
      differs(m.allSentS, d.allSentS),
      differs(m.firstAllS, d.firstAllS),
      differs(m.requestsPerMail, d.requestsPerMail),
    ),
  }));
  return [
    {
      n: 10,
      what: `Many organisations at once: rounds never served, ${shapeText(FULL)} opening in the same minute (${simulated})`,
      figure: full
        .map(
          (run) =>
            `${run.quota}/s × ${run.workers}: ${int(FULL.orgs - run.served)} unserved, ${int(run.sent)} of ${int(run.volume)} sent`,
        )
        .join('; '),
      target: '0 unserved, every invitation sent',
      ok: full.every((run) => run.served === FULL.orgs && run.sent === run.volume),
    },
    {
      n: 10,
      what: "Many organisations at once: time to every organisation's first invitation at 200/s (simulated time)",
      figure: `${seconds(fastOne.firstAllS)} with 1 worker, ${seconds(fastTwo.firstAllS)} with 2; at 14/s ${seconds(slow.firstAllS)}`,
      target: `within the first tick's budget (${TICK_BUDGET_S} s)`,
      ok: fastOne.firstAllS <= TICK_BUDGET_S && fastTwo.firstAllS <= TICK_BUDGET_S,
    },
    {
      n: 10,
      what: 'Many organisations at once: time until all are sent vs volume ÷ quota, and the spread of finish times',
      figure: `${line(slow)}. ${line(fastOne)}. ${line(fastTwo)}. ${line(aboveOne)}. ${line(aboveTwo)}`,
      target: '≤ 1.10× at 14/s (1 worker) and at 200/s (2 workers)',
      ok: paceOf(slow) <= 1.1 && paceOf(fastTwo) <= 1.1,
    },
    {
      n: 10,
      what: 'Many organisations at once: do more workers reach the quota, DynamoDB requests a mail, peak memory of a worker',
      figure: `at 200/s, 1 worker sends at ${rate(fastOne)}, 2 workers at ${rate(fastTwo)}; at 500/s, 1 worker at ${rate(aboveOne)}, 2 workers at ${rate(aboveTwo)}; DynamoDB requests a mail ${full.map((r) => `${r.requestsPerMail.toFixed(2)} (${r.quota}/s × ${r.workers})`).join(', ')}; workers' peak heap ${mb(workersHeap)} above the memory stores' own ${mb(storesHeap)}; on dynalite (no store in the process) peak RSS ${mb(Math.max(...dynalite.map((r) => r.peakRss)))}, heap ${mb(Math.max(...dynalite.map((r) => r.peakHeap)))}; real time ${seconds(full.reduce((sum, r) => sum + r.realS, 0))} for these ${full.length} runs`,
      target: '2 workers reach the quota one cannot (500/s); at 200/s, 2 workers ≤ 1.10×',
      ok: paceOf(aboveTwo) <= 1.1 && paceOf(aboveOne) > 1.1 && paceOf(fastTwo) <= 1.1,
    },
    {
      n: 10,
      what: `Many organisations at once: the memory stores checked against dynalite at ${shapeText(CHECK)} (all sent · every first invitation · DynamoDB requests a mail)`,
      figure:
        agreement
          .map(
            ({ m, d }) =>
              `${m.quota}/s × ${m.workers}: memory ${seconds(m.allSentS)} · ${seconds(m.firstAllS)} · ${m.requestsPerMail.toFixed(2)}, dynalite ${seconds(d.allSentS)} · ${seconds(d.firstAllS)} · ${d.requestsPerMail.toFixed(2)}`,
          )
          .join('; ') +
        `; largest difference ${(100 * Math.max(...agreement.map((a) => a.gap))).toFixed(1)} %; real time ${seconds(dynalite.reduce((sum, r) => sum + r.realS, 0))} on dynalite, ${seconds(pairs.reduce((sum, [m]) => sum + m.realS, 0))} on memory`,
      target: `within ${100 * AGREE} %`,
      ok: agreement.every((a) => a.gap <= AGREE),
    },
  ];
}
