import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { handleErrors } from '../../functions/api/common.js';
import type { AppEnv } from '../../functions/api/env.js';
import { STATUS_OF } from '../../functions/api/error-status.js';
import { DomainError, type ErrorKind, notFound } from '../../shared/errors.js';
import type { Logger } from '../../shared/logger.js';
import { RateLimited } from '../../shared/rate-limiter.js';

const quiet: Logger = { info() {}, warn() {}, error() {}, child: () => quiet };

function appThrowing(error: Error) {
  const app = new Hono<AppEnv>();
  app.get('/v1/x', () => {
    throw error;
  });
  handleErrors(app, quiet);
  return app;
}

describe('domain errors by kind', () => {
  it('carry a kind and no HTTP status', () => {
    const error = notFound('Round');

    expect(error.code).toBe('not_found');
    expect(error).not.toHaveProperty('status');
  });

  it.each(Object.entries(STATUS_OF))(
    'answer the kind %s with %i and the kind as the error code',
    async (kind, status) => {
      const response = await appThrowing(new DomainError(kind as ErrorKind, 'Because')).request('/v1/x');

      expect(response.status).toBe(status);
      expect(await response.json()).toEqual({ error: { code: kind, message: 'Because', details: [] } });
    },
  );

  it('say when to come back on a rate limit', async () => {
    const response = await appThrowing(new RateLimited('Slow down', 30)).request('/v1/x');

    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('30');
  });
});
