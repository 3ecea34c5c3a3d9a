import { getConnInfo, handle } from 'hono/aws-lambda';
import { createSsmSecretReader } from '../../shared/adapters/ssm/read-secret.js';
import { loadConfig } from '../../shared/config.js';
import { createDeps } from '../../shared/deps.js';
import { createApp } from './app.js';

// Config, clients and the app are built once per container, at load, outside the handler.
const config = await loadConfig(process.env, createSsmSecretReader(process.env.AWS_REGION ?? 'eu-north-1'));
export const app = createApp(createDeps(config), {
  clientAddress: (c) => getConnInfo(c).remote.address ?? 'unknown',
});
export const handler = handle(app);
