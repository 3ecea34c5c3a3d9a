import type { Context } from 'hono';
import type * as z from 'zod/mini';
import { DomainError, type FieldIssue, validationFailed } from '../../shared/errors.js';
import { RateLimited } from '../../shared/rate-limiter.js';
import { issuesOf } from '../../shared/validation.js';
import { STATUS_OF } from './error-status.js';

export function errorBody(code: string, message: string, details: FieldIssue[] = []) {
  return { error: { code, message, details } };
}

export function errorResponse(c: Context, error: DomainError) {
  if (error instanceof RateLimited) c.header('Retry-After', String(error.retryAfter));
  return c.json(errorBody(error.code, error.message, error.details), STATUS_OF[error.code]);
}

/** The one reading of a request's content type, for every route that takes a body. */
export function bodyTypeOf(c: Context): 'json' | 'csv' | 'form' | undefined {
  const type = c.req.header('content-type') ?? '';
  if (/^application\/(.+\+)?json\b/i.test(type)) return 'json';
  if (/^text\/csv\b/i.test(type)) return 'csv';
  if (/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)) return 'form';
  return undefined;
}

export function unsupportedMediaType(expected: string) {
  return new DomainError('unsupported_media_type', `Send ${expected}`);
}

/** The request's JSON body, or a 400/415 that says what is wrong with it. */
export async function readJson(c: Context): Promise<unknown> {
  if (bodyTypeOf(c) !== 'json') throw unsupportedMediaType('application/json');
  const text = await c.req.text();
  try {
    return JSON.parse(text);
  } catch {
    throw validationFailed('The body is not valid JSON', [{ path: '(body)', message: 'Malformed JSON' }]);
  }
}

/** Parses with zod; on failure a 400 listing each field and zod's message. */
export function parseWith<S extends z.ZodMiniType>(
  schema: S,
  value: unknown,
  message = 'The request is not valid',
): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw validationFailed(message, issuesOf(parsed.error));
  return parsed.data as z.infer<S>;
}

/** The client's address: API Gateway's sourceIp under Lambda, the socket's peer under Node. */
export type ClientAddress = (c: Context) => string;
