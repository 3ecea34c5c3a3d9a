import { Hono } from 'hono';
import type { Deps } from '../../shared/deps.js';
import { handleErrors, serveAssets, useCommonMiddleware } from './common.js';
import type { AppEnv } from './env.js';
import type { ClientAddress } from './http.js';
import { mountApiRoutes } from './route-table/api-route.js';
import { mountPages } from './route-table/page-route.js';
import { API_ROUTES, DOCS_PAGES, RESPONDENT_PAGES } from './route-table/table.js';
import { verificationRoutes } from './routes/verification.js';

export interface AppOptions {
  clientAddress: ClientAddress;
}

/** The one Hono app: the Lambda handler and the local server both call this, so they cannot drift apart. */
export function createApp(deps: Deps, options: AppOptions) {
  const app = new Hono<AppEnv>();
  const services = { deps, clientAddress: options.clientAddress };

  useCommonMiddleware(app);
  app.get('/health', (c) => c.json({ ok: true }));
  serveAssets(app);
  mountApiRoutes(app, API_ROUTES, services);
  mountPages(app, verificationRoutes, services);
  mountPages(app, RESPONDENT_PAGES, services);
  mountPages(app, DOCS_PAGES, services);

  handleErrors(app, deps.logger);
  return app;
}
