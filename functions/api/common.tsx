import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { DomainError } from '../../shared/errors.js';
import type { Logger } from '../../shared/logger.js';
import type { AppEnv } from './env.js';
import { errorBody, errorResponse } from './http.js';
import { SCRIPT, STYLESHEET } from './pages/assets.js';
import { Message } from './pages/layout.js';
import { rejectOverlongIds, requireUtf8 } from './request-guards.js';

const KB = 1024;
/** Respondents' pages fail in HTML, in both languages: the link does not say which one its reader speaks. */
const UNKNOWN_LINK = (
  <Message
    language="sv"
    title="Sidan finns inte"
    text="Länken är okänd eller har gått ut. / This link is unknown or has expired."
    status="error"
  />
);
const isPage = (path: string) => path.startsWith('/r/') || path.startsWith('/verify/');

/** Headers, caching and body limits every response gets, from either Lambda. */
export function useCommonMiddleware(app: Hono<AppEnv>) {
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'none'"],
        styleSrc: ["'self'"],
        scriptSrc: ["'self'"],
        imgSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
      },
      referrerPolicy: 'no-referrer',
      crossOriginResourcePolicy: 'same-origin',
    }),
  );
  app.use('*', async (c, next) => {
    await next();
    if (!c.res.headers.has('cache-control')) c.header('Cache-Control', 'no-store');
  });
  // Respondent imports carry up to 1,000 rows; nothing else needs more than 64 KB.
  const tooLarge = (c: Context) => c.json(errorBody('payload_too_large', 'The body is too large'), 413);
  const importLimit = bodyLimit({ maxSize: 1024 * KB, onError: tooLarge });
  const defaultLimit = bodyLimit({ maxSize: 64 * KB, onError: tooLarge });
  app.use('*', (c, next) => (/\/respondents$/.test(c.req.path) ? importLimit : defaultLimit)(c, next));
  app.use('*', rejectOverlongIds);
  app.use('*', requireUtf8);
}

/** The pages' stylesheet and script, served by the same function as the pages. */
export function serveAssets(app: Hono<AppEnv>) {
  app.get('/assets/kundpuls.css', (c) =>
    c.body(STYLESHEET, 200, {
      'content-type': 'text/css; charset=utf-8',
      'cache-control': 'public, max-age=3600',
    }),
  );
  app.get('/assets/kundpuls.js', (c) =>
    c.body(SCRIPT, 200, {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'public, max-age=3600',
    }),
  );
}

/** Unknown routes and errors: JSON in the API's error shape, HTML on pages, never a stack trace. */
export function handleErrors(app: Hono<AppEnv>, logger: Logger) {
  app.notFound((c) =>
    isPage(c.req.path) ? c.html(UNKNOWN_LINK, 404) : c.json(errorBody('not_found', 'No such route'), 404),
  );

  app.onError((error, c) => {
    if (error instanceof DomainError) {
      if (isPage(c.req.path) && error.code === 'not_found') return c.html(UNKNOWN_LINK, 404);
      return errorResponse(c, error);
    }
    if (error instanceof HTTPException && error.status < 500) {
      return c.json(errorBody('validation_failed', error.message), error.status);
    }
    logger.error('request failed', {
      method: c.req.method,
      route: c.req.routePath,
      error,
    });
    return c.json(errorBody('internal_error', 'Something went wrong on our side; please try again'), 500);
  });
}
