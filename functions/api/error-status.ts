import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorKind } from '../../shared/errors.js';

/** The one table from a domain error's kind to the HTTP status the API answers it with. */
export const STATUS_OF: Record<ErrorKind, ContentfulStatusCode> = {
  validation_failed: 400,
  unauthorised: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  idempotency_in_progress: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  idempotency_key_reused: 422,
  rate_limited: 429,
  internal_error: 500,
  service_unavailable: 503,
};
