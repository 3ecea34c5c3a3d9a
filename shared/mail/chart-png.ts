import { CHART_FONT_FAMILY } from './trend-chart.js';

/** The WASM renderer and the chart's one font, as bytes. Where they come from is the entry point's choice. */
export interface ChartAssets {
  wasm: Uint8Array;
  font: Uint8Array;
}

/** Turns the chart's SVG into a PNG. */
export interface ChartRenderer {
  png(svg: string): Promise<Uint8Array>;
}

/** Pixels per CSS pixel: sharp on high-density screens. */
export const CHART_SCALE = 2;

/**
 * resvg's WASM build: the functions run on arm64, where a native binary built on this x64 machine would fail.
 * The WASM module is instantiated once per process (resvg refuses a second initWasm), on the first chart, so
 * no cold start pays for it unless a report goes out.
 */
export function createChartRenderer(loadAssets: () => Promise<ChartAssets>): ChartRenderer {
  let ready: Promise<{ font: Uint8Array; Resvg: typeof import('@resvg/resvg-wasm').Resvg }> | undefined;
  const load = () => {
    ready ??= (async () => {
      const [{ initWasm, Resvg }, assets] = await Promise.all([import('@resvg/resvg-wasm'), loadAssets()]);
      await initOnce(initWasm, assets.wasm);
      return { font: assets.font, Resvg };
    })().catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
    return ready;
  };
  return {
    async png(svg) {
      const { font, Resvg } = await load();
      const resvg = new Resvg(svg, {
        font: { fontBuffers: [font], defaultFontFamily: CHART_FONT_FAMILY, loadSystemFonts: false },
        fitTo: { mode: 'zoom', value: CHART_SCALE },
      });
      try {
        return resvg.render().asPng();
      } finally {
        resvg.free();
      }
    },
  };
}

let initialised: Promise<void> | undefined;
/** One instantiation per process, shared by every renderer (tests create several). */
function initOnce(initWasm: (module: Uint8Array) => Promise<void>, wasm: Uint8Array): Promise<void> {
  initialised ??= initWasm(wasm).catch((error: unknown) => {
    initialised = undefined;
    throw error;
  });
  return initialised;
}
