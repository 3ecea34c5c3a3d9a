import { extensionSecretReader } from '../../shared/adapters/ssm/extension-secret-reader.js';
import { loadConfig } from '../../shared/config.js';
import { createDeps } from '../../shared/deps.js';
import { runTick } from '../../shared/tick/run-tick.js';
import { onFirstInvocation } from '../first-invocation.js';

/** EventBridge's scheduled event carries nothing we need: the tick finds its own work in the table. */
export const handler = onFirstInvocation(async () => {
  const deps = createDeps(await loadConfig(process.env, extensionSecretReader(process.env)));
  return async (_event: { 'detail-type'?: string; time?: string }) => runTick(deps);
});
