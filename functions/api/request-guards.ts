import type { Context, MiddlewareHandler } from 'hono';
import { DomainError, notFound, validationFailed } from '../../shared/errors.js';
import { unsupportedMediaType } from './http.js';
import { LONGEST } from './route-table/path-limits.js';

function longestAt(segments: string[], index: number): number {
  if (segments[index - 1] === 'respondents') return LONGEST.email;
  if (segments[1] === 'r' || segments[1] === 'verify') return LONGEST.link;
  return LONGEST.id;
}

const decoded = (segment: string) => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};

/**
 * Answers 404 for a path segment longer than any valid id of its place, before authentication or any other
 * read: such an id can name nothing, and DynamoDB would refuse it as a key (1 KB) with a 500.
 */
export const rejectOverlongIds: MiddlewareHandler = async (c, next) => {
  const segments = c.req.path.split('/');
  if (segments.some((segment, index) => decoded(segment).length > longestAt(segments, index)))
    throw notFound('Resource');
  await next();
};

/** Bodies are read as UTF-8: a request that declares another charset would be misread, so it is refused. */
export const requireUtf8: MiddlewareHandler = async (c, next) => {
  const charset = /;\s*charset\s*=\s*"?([^";\s]*)/i.exec(c.req.header('content-type') ?? '')?.[1];
  if (charset !== undefined && !/^utf-?8$/i.test(charset))
    throw new DomainError('unsupported_media_type', 'Send the body in UTF-8 (charset=utf-8)');
  await next();
};

/** A form body (urlencoded or multipart), or a 400 when it cannot be parsed (e.g. multipart without a boundary). */
export async function readForm(c: Context): Promise<Record<string, string | File | (string | File)[]>> {
  const type = c.req.header('content-type') ?? '';
  if (/^multipart\/form-data/i.test(type) && !/;\s*boundary=[^;\s]+/i.test(type))
    throw unsupportedMediaType('multipart/form-data with a boundary, or application/x-www-form-urlencoded');
  try {
    return await c.req.parseBody({ all: true });
  } catch {
    throw validationFailed('The form could not be read', [
      { path: '(body)', message: 'Malformed form data' },
    ]);
  }
}
