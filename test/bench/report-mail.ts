import { execFileSync } from 'node:child_process';
import type { Plugin } from 'esbuild';
import { bundleLikeCdk } from './support/bundle.js';
import { runChild } from './support/child.js';
import type { Row } from './support/rows.js';
import { kb, mb, median, ms, QUICK } from './support/stats.js';

interface MailRun {
  firstMs: number;
  again: number[];
  compose: number[];
  pngBytes: number;
  htmlBytes: number;
}

const CHART_PARTS = /resvg|expo-google-fonts|shared\/mail\/(chart|trend-chart)/;
/** The tick without the chart's WASM and font, to weigh what they add. */
const withoutChartAssets: Plugin = {
  name: 'without-chart-assets',
  setup(build) {
    build.onResolve({ filter: /chart-assets-bundled\.js$/ }, () => ({ path: 'stub', namespace: 'stub' }));
    build.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
      contents: 'export const bundledChartAssets = { wasm: new Uint8Array(), font: new Uint8Array() };',
      loader: 'js',
    }));
  },
};

/** Milliseconds to import a bundle in a fresh Node process, median of `runs`. */
function importMs(file: string, runs: number): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(file)}); console.log(performance.now() - t);`;
  return median(
    Array.from({ length: runs }, () =>
      Number(
        execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }).trim(),
      ),
    ),
  );
}

/**
 * Row 9. The report mail with its chart, from a bundle built as the tick's is: the first in a fresh process
 * (median of fresh processes), each later one, and what the chart adds to the tick's bundle and its import.
 */
export async function reportMailBench(): Promise<Row[]> {
  const [entry, tick, bare] = await Promise.all([
    bundleLikeCdk('test/bench/support/report-mail-entry.ts', 'report-mail'),
    bundleLikeCdk('functions/tick/lambda.ts', 'tick'),
    bundleLikeCdk('functions/tick/lambda.ts', 'tick-without-chart', [withoutChartAssets]),
  ]);
  const runs: MailRun[] = [];
  for (let i = 0; i < (QUICK ? 3 : 7); i++)
    runs.push(await runChild<MailRun>(entry.outfile, {}, { typescript: false }));
  const first = median(runs.map((r) => r.firstMs));
  const again = median(runs.flatMap((r) => r.again));
  const compose = median(runs.flatMap((r) => r.compose));
  const chartBytes = [...tick.inputs]
    .filter(([path]) => CHART_PARTS.test(path))
    .reduce((sum, [, b]) => sum + b, 0);
  const imports = QUICK ? 3 : 9;
  const [tickImport, bareImport] = [importMs(tick.outfile, imports), importMs(bare.outfile, imports)];
  const png = runs[0]?.pngBytes ?? 0;
  return [
    {
      n: 9,
      what: `Report mail with its chart (bundled as the tick, median of ${runs.length} fresh processes)`,
      figure: `first in a process ${ms(first)} (WASM decode + compile, font, render); each later round's ${ms(again)}; each further recipient ${ms(compose)} (the chart is rendered once a round)`,
      target: 'printed',
    },
    {
      n: 9,
      what: 'Report chart PNG (800 × 600, 2×) and the mail HTML',
      figure: `${kb(png)} PNG, ${kb(runs[0]?.htmlBytes ?? 0)} HTML`,
      target: '< 60 KB PNG',
      ok: png > 0 && png < 60_000,
    },
    {
      n: 9,
      what: 'Tick bundle: size and import with the chart vs without its WASM and font',
      figure: `${mb(tick.bytes)} vs ${mb(bare.bytes)} (+${mb(tick.bytes - bare.bytes)}; chart parts ${mb(chartBytes)}); import ${ms(tickImport)} vs ${ms(bareImport)} (median of ${imports})`,
      target: 'printed',
    },
  ];
}
