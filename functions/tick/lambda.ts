import { extensionSecretReader } from '../../shared/adapters/ssm/extension-secret-reader.js';
import { createTickingDeps, eventBridgeTickTrigger, systemClock } from '../../shared/deps.js';
import { createChartRenderer } from '../../shared/mail/chart-png.js';
import { loadTickSettings } from '../../shared/settings/tick.js';
import { runTick } from '../../shared/tick/run-tick.js';
import { onFirstInvocation } from '../first-invocation.js';

/**
 * EventBridge's scheduled event carries nothing we need: the tick finds its own work in the table. The report
 * chart's WASM and font are embedded in this bundle (esbuild's binary loader), decoded on the first chart only.
 */
export const handler = onFirstInvocation(async () => {
  const config = await loadTickSettings(process.env, extensionSecretReader(process.env));
  const deps = createTickingDeps(config, {
    clock: systemClock,
    tickTrigger: eventBridgeTickTrigger(config),
    charts: createChartRenderer(
      async () => (await import('../../shared/mail/chart-assets-bundled.js')).bundledChartAssets,
    ),
  });
  return async (_event: { 'detail-type'?: string; time?: string }) => runTick(deps);
});
