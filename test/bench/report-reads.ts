import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../shared/db/table.js';
import { storeRoundFigures } from '../../shared/reports/store-round-figures.js';
import { closedRoundWith } from './support/answer-dataset.js';
import type { BenchStack } from './support/bench-stack.js';
import { itemSize } from './support/item-size.js';
import type { Row } from './support/rows.js';
import { label, median, ms, QUICK, ratio, size } from './support/stats.js';

const read = async (stack: BenchStack, path: string, key: string) => {
  const start = performance.now();
  const response = await stack.app.request(path, { headers: { authorization: `Bearer ${key}` } });
  await response.text();
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
  return performance.now() - start;
};

/**
 * Row 3. The round report and the trend report through the API, for closed rounds of 100, 10k and 100k answers.
 * Both read stored figures only. The report item carries the first 20 comments a question and the whole
 * sample (up to 100) is an item of its own, so the report is the same size once 20 people commented.
 */
export async function reportReadsBench(): Promise<Row[]> {
  const sizes = [100, size(10_000), size(100_000)];
  const rounds = [];
  for (const n of sizes) rounds.push(await closedRoundWith(n));
  const stack = rounds[0]?.dataset.stack as BenchStack;
  const reportBytes: number[] = [];
  for (const { round } of rounds) {
    // The tick stores the figures once at close (the close-round bench may have done it already).
    if (!(await stack.deps.reports.get(round.orgId, round.roundId))) {
      const stored = await stack.deps.rounds.get(round.orgId, round.roundId);
      if (stored) await storeRoundFigures(stack.deps, stored);
    }
    const { Item } = await stack.db.send(
      new GetCommand({ TableName: stack.config.tableName, Key: keys.report(round.orgId, round.roundId) }),
    );
    reportBytes.push(itemSize(Item ?? {}));
  }
  const n = QUICK ? 100 : 300;
  const times = rounds.map(() => ({ report: [] as number[], trend: [] as number[], units: 0 }));
  for (let i = 0; i < n + 20; i++) {
    for (const [j, { round }] of rounds.entries()) {
      stack.meter.reset();
      const report = await read(
        stack,
        `/v1/organisations/${round.orgId}/rounds/${round.roundId}/report`,
        round.adminKey,
      );
      const trend = await read(stack, `/v1/organisations/${round.orgId}/report`, round.adminKey);
      if (i < 20) continue; // warm-up
      const t = times[j] as (typeof times)[number];
      t.units += stack.meter.read().readUnits;
      t.report.push(report);
      t.trend.push(trend);
    }
  }
  const [s, m, l] = times as [(typeof times)[number], (typeof times)[number], (typeof times)[number]];
  const r = (a: number[], b: number[]) => median(a) / median(b);
  const [small, mid, big] = sizes.map(label) as [string, string, string];
  const kbOf = (i: number) => `${((reportBytes[i] ?? 0) / 1024).toFixed(1)} KB`;
  return [
    {
      n: 3,
      what: `Read round report: ${big} vs ${small} stored answers (median of ${n})`,
      figure: `${ms(median(l.report))} vs ${ms(median(s.report))} = ${ratio(r(l.report, s.report))}; stored report ${kbOf(2)} vs ${kbOf(0)}`,
      target: '≤ 1.20×',
      ok: r(l.report, s.report) <= 1.2,
    },
    {
      n: 3,
      what: `Read trend report: ${big} vs ${small} stored answers (median of ${n})`,
      figure: `${ms(median(l.trend))} vs ${ms(median(s.trend))} = ${ratio(r(l.trend, s.trend))}; ${(l.units / n).toFixed(1)} vs ${(s.units / n).toFixed(1)} RCU per report + trend pair`,
      target: '≤ 1.20×',
      ok: r(l.trend, s.trend) <= 1.2,
    },
    {
      n: 3,
      what: `Read reports: ${big} vs ${mid} answers`,
      figure: `round report ${ratio(r(l.report, m.report))}, trend ${ratio(r(l.trend, m.trend))}; stored report ${kbOf(2)} vs ${kbOf(1)}`,
      target: 'printed',
    },
  ];
}
