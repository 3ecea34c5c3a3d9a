/** Domain errors carry an API error code and an HTTP status; the API's one onError turns them into JSON. */
export type ErrorCode =
  | 'validation_failed'
  | 'unauthorised'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'idempotency_key_reused'
  | 'idempotency_in_progress'
  | 'internal_error'
  | 'service_unavailable';

export interface FieldIssue {
  path: string;
  message: string;
  code?: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 503,
    message: string,
    readonly details: FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const validationFailed = (message: string, details: FieldIssue[] = []) =>
  new DomainError('validation_failed', 400, message, details);
export const notFound = (what: string) => new DomainError('not_found', 404, `${what} not found`);
export const conflict = (message: string) => new DomainError('conflict', 409, message);
export const unauthorised = () =>
  new DomainError('unauthorised', 401, 'A valid key is required: Authorization: Bearer <key>');
export const forbidden = (message = 'This key may not do that') => new DomainError('forbidden', 403, message);
