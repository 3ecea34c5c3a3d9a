import {
  createInProcessTickTrigger,
  type InProcessTickTrigger,
} from '../../shared/adapters/local/in-process-tick-trigger.js';
import { type Choices, systemClock } from '../../shared/deps.js';
import { readChartAssetFiles } from '../../shared/mail/chart-assets-files.js';
import { createChartRenderer } from '../../shared/mail/chart-png.js';

export interface LocalChoices extends Choices {
  tickTrigger: InProcessTickTrigger;
}

/**
 * The local server's choices (`npm start`, tests, benchmarks): the system clock, the in-process tick trigger
 * that `npm start`'s loop asks before each tick, and the chart's WASM and font read from node_modules.
 */
export function localChoices(): LocalChoices {
  return {
    clock: systemClock,
    tickTrigger: createInProcessTickTrigger(),
    charts: createChartRenderer(readChartAssetFiles),
  };
}
