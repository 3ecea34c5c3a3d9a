import font from '@expo-google-fonts/inter/500Medium/Inter_500Medium.ttf';
import wasm from '@resvg/resvg-wasm/index_bg.wasm';
import type { ChartAssets } from './chart-png.js';

/**
 * The chart's WASM and font inside a Lambda bundle: esbuild's `binary` loader embeds both (see
 * infra/constructs/node-function.ts). Only bundles can import this file; Node from source cannot load .wasm
 * or .ttf as modules, and reads them with chart-assets-files.ts instead.
 */
export const bundledChartAssets: ChartAssets = { wasm, font };
