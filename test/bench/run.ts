/**
 * `npm run bench`: every benchmark of issue 8, one table. BENCH_QUICK=1 shrinks the sizes for a fast check;
 * BENCH_ONLY=1,3 runs only those rows and prints them, leaving RESULTS.md (the full run's table) as it is;
 * BENCH_COLD_RUNS=15 takes more cold starts than the default 9 on a noisy machine.
 */
import { writeFileSync } from 'node:fs';
import { cpus, platform, release, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { closeRoundBench } from './close-round.js';
import { coldStart } from './cold-start.js';
import { costBench } from './cost.js';
import { loadBench } from './load.js';
import { reportMailBench } from './report-mail.js';
import { reportReadsBench } from './report-reads.js';
import { scaleBench } from './scale.js';
import { sendRoundBench } from './send-round.js';
import { submitAnswerBench } from './submit-answer.js';
import { closeAnswerDataset } from './support/answer-dataset.js';
import type { Bench, Row } from './support/rows.js';
import { QUICK } from './support/stats.js';

const BENCHES: [number, string, Bench][] = [
  [1, 'cold start', coldStart],
  [2, 'submit answer', submitAnswerBench],
  [4, 'close round', closeRoundBench],
  [3, 'report reads', reportReadsBench],
  [5, 'send round', sendRoundBench],
  [6, 'load', loadBench],
  [7, 'cost', costBench],
  [8, 'scale', scaleBench],
  [9, 'report mail', reportMailBench],
];

const only = process.env.BENCH_ONLY?.split(',').map(Number);
const rows: Row[] = [];
let failed = false;
const started = Date.now();
for (const [n, name, bench] of BENCHES) {
  if (only && !only.includes(n)) continue;
  const at = Date.now();
  process.stderr.write(`bench ${n} (${name})…\n`);
  try {
    rows.push(...(await bench()));
  } catch (error) {
    failed = true;
    rows.push({
      n,
      what: `${name}: failed`,
      figure: String((error as Error).stack ?? error).slice(0, 400),
      target: '',
      ok: false,
    });
  }
  process.stderr.write(`bench ${n} done in ${((Date.now() - at) / 1000).toFixed(0)} s\n`);
}
await closeAnswerDataset();
rows.sort((a, b) => a.n - b.n);

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');
const mark = (ok: boolean | undefined) => (ok === undefined ? '' : ok ? 'yes' : 'NO');
const table = [
  '| # | what | figure | target | ok |',
  '| --- | --- | --- | --- | --- |',
  ...rows.map((r) => `| ${r.n} | ${cell(r.what)} | ${cell(r.figure)} | ${cell(r.target)} | ${mark(r.ok)} |`),
].join('\n');
const seconds = Math.round((Date.now() - started) / 1000);
const machine = `${platform()} ${release()}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}`;
const summary = `${rows.filter((r) => r.ok === true).length} targets met, ${rows.filter((r) => r.ok === false).length} missed`;

process.stdout.write(
  `\n${table}\n\n${summary}; ${QUICK ? 'quick run (BENCH_QUICK=1)' : 'full run'} in ${seconds} s on ${machine}\n`,
);
if (!only)
  writeFileSync(
    fileURLToPath(new URL('./RESULTS.md', import.meta.url)),
    `# Benchmark results\n\n${QUICK ? 'Quick run (`BENCH_QUICK=1 npm run bench`, sizes ÷ 5)' : 'Full run (`npm run bench`)'}, ` +
      `${new Date().toISOString().slice(0, 10)}, ${seconds} s.\n\nMachine: ${machine}.\n\n${table}\n\n${summary}.\n`,
  );
// A missed target is a finding, printed in the table; only a benchmark that could not run fails the command.
process.exitCode = failed ? 1 : 0;
