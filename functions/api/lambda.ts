import { getConnInfo, handle, type LambdaContext, type LambdaEvent } from 'hono/aws-lambda';
import { extensionSecretReader } from '../../shared/adapters/ssm/extension-secret-reader.js';
import { createDeps } from '../../shared/deps.js';
import { loadApiSettings } from '../../shared/settings/api.js';
import { onFirstInvocation } from '../first-invocation.js';
import { createApp } from './app.js';

/** The API Lambda: everything but the answer pages. Config, clients and the app are built once per container. */
export const handler = onFirstInvocation(async () => {
  const config = await loadApiSettings(process.env, extensionSecretReader(process.env));
  const handleEvent = handle(
    createApp(createDeps(config), { clientAddress: (c) => getConnInfo(c).remote.address ?? 'unknown' }),
  );
  return (event: LambdaEvent, context?: LambdaContext) => handleEvent(event, context);
});
