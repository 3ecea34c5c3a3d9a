import { extensionSecretReader } from '../../shared/adapters/ssm/extension-secret-reader.js';
import { createTickingDeps } from '../../shared/deps.js';
import { loadTickSettings } from '../../shared/settings/tick.js';
import { runTick } from '../../shared/tick/run-tick.js';
import { onFirstInvocation } from '../first-invocation.js';

/** EventBridge's scheduled event carries nothing we need: the tick finds its own work in the table. */
export const handler = onFirstInvocation(async () => {
  const deps = createTickingDeps(await loadTickSettings(process.env, extensionSecretReader(process.env)));
  return async (_event: { 'detail-type'?: string; time?: string }) => runTick(deps);
});
