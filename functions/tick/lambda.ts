import { createSsmSecretReader } from '../../shared/adapters/ssm/read-secret.js';
import { loadConfig } from '../../shared/config.js';
import { createDeps } from '../../shared/deps.js';
import { runTick } from '../../shared/tick/run-tick.js';

const config = await loadConfig(process.env, createSsmSecretReader(process.env.AWS_REGION ?? 'eu-north-1'));
const deps = createDeps(config);

/** EventBridge's scheduled event carries nothing we need: the tick finds its own work in the table. */
export const handler = async (_event: { 'detail-type'?: string; time?: string }) => runTick(deps);
