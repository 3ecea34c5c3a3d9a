import { Hono } from 'hono';
import type { Deps } from '../../shared/deps.js';
import { handleErrors, serveAssets, useCommonMiddleware } from './common.js';
import type { AppEnv } from './env.js';
import type { ClientAddress } from './http.js';
import { OPERATIONS } from './openapi.js';
import { actionRoutes } from './routes/actions.js';
import { answerPageRoutes } from './routes/answer-pages.js';
import { codeRoutes } from './routes/codes.js';
import { docsRoutes } from './routes/docs.js';
import { keyRoutes } from './routes/keys.js';
import { kioskRoutes } from './routes/kiosk.js';
import { organisationRoutes } from './routes/organisations.js';
import { reportRoutes } from './routes/reports.js';
import { respondentRoutes } from './routes/respondents.js';
import { roundRoutes } from './routes/rounds.js';
import { valueListRoutes } from './routes/value-lists.js';
import { verificationRoutes } from './routes/verification.js';

export interface AppOptions {
  clientAddress: ClientAddress;
}

/** The one Hono app: the Lambda handler and the local server both call this, so they cannot drift apart. */
export function createApp(deps: Deps, options: AppOptions) {
  const app = new Hono<AppEnv>();

  useCommonMiddleware(app);
  app.get('/health', (c) => c.json({ ok: true }));
  serveAssets(app);

  app.route('/v1/organisations', organisationRoutes(deps, options.clientAddress));
  app.route('/v1/organisations', keyRoutes(deps));
  app.route('/v1/organisations', respondentRoutes(deps));
  app.route('/v1/organisations', roundRoutes(deps));
  app.route('/v1/organisations', reportRoutes(deps));
  app.route('/v1/organisations', actionRoutes(deps));
  app.route('/v1/organisations', codeRoutes(deps));
  app.route('/', valueListRoutes(deps));
  app.route('/verify', verificationRoutes(deps));
  app.route('/r', answerPageRoutes(deps, options.clientAddress));
  app.route('/k', kioskRoutes(deps, options.clientAddress));
  app.route('/', docsRoutes(OPERATIONS, deps.publicUrl));

  handleErrors(app, deps.logger);
  return app;
}
