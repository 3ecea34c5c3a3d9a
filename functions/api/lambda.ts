import { getConnInfo, handle, type LambdaContext, type LambdaEvent } from 'hono/aws-lambda';
import { extensionSecretReader } from '../../shared/adapters/ssm/extension-secret-reader.js';
import { createDeps, eventBridgeTickTrigger, systemClock } from '../../shared/deps.js';
import { readChartAssetFiles } from '../../shared/mail/chart-assets-files.js';
import { createChartRenderer } from '../../shared/mail/chart-png.js';
import { loadApiSettings } from '../../shared/settings/api.js';
import { onFirstInvocation } from '../first-invocation.js';
import { createApp } from './app.js';

/** The API Lambda: everything but the answer pages. Config, clients and the app are built once per container. */
export const handler = onFirstInvocation(async () => {
  const config = await loadApiSettings(process.env, extensionSecretReader(process.env));
  const deps = createDeps(config, {
    clock: systemClock,
    tickTrigger: eventBridgeTickTrigger(config),
    // The API renders no chart (the tick mails the reports); it keeps the renderer its deps name, assets unread.
    charts: createChartRenderer(readChartAssetFiles),
  });
  const handleEvent = handle(
    createApp(deps, { clientAddress: (c) => getConnInfo(c).remote.address ?? 'unknown' }),
  );
  return (event: LambdaEvent, context?: LambdaContext) => handleEvent(event, context);
});
