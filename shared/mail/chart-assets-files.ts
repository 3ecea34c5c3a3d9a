import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { ChartAssets } from './chart-png.js';

const require = createRequire(import.meta.url);

/** The chart's WASM and font read from node_modules: for `npm start`, tests and benchmarks, run from source. */
export async function readChartAssetFiles(): Promise<ChartAssets> {
  const [wasm, font] = await Promise.all([
    readFile(require.resolve('@resvg/resvg-wasm/index_bg.wasm')),
    readFile(require.resolve('@expo-google-fonts/inter/500Medium/Inter_500Medium.ttf')),
  ]);
  return { wasm, font };
}
