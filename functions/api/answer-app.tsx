import { Hono } from 'hono/tiny';
import type { RespondentDeps } from '../../shared/respondent-deps.js';
import type { AppOptions } from './app.js';
import { handleErrors, serveAssets, useCommonMiddleware } from './common.js';
import type { AppEnv } from './env.js';
import { mountPages } from './route-table/page-route.js';
import { answerPageRoutes } from './routes/answer-pages.js';
import { kioskRoutes } from './routes/kiosk.js';

/**
 * The respondent's side alone: `/r/*`, `/k` and the pages' assets. On AWS it runs in its own small Lambda, so the
 * link a respondent clicks cold-starts without the API's mailer, reports, route table and OpenAPI document (it
 * imports the pages' declarations, never `route-table/table.ts`).
 */
export function createAnswerApp(deps: RespondentDeps, options: AppOptions) {
  const app = new Hono<AppEnv>();
  useCommonMiddleware(app);
  app.get('/health', (c) => c.json({ ok: true }));
  serveAssets(app);
  mountPages(app, [...answerPageRoutes, ...kioskRoutes], { deps, clientAddress: options.clientAddress });
  handleErrors(app, deps.logger);
  return app;
}
