/**
 * What went wrong, by kind; the kind is also the API's error code. The domain knows no HTTP: the API's one
 * onError maps each kind to its status (functions/api/error-status.ts).
 */
export type ErrorKind =
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
    readonly code: ErrorKind,
    message: string,
    readonly details: FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const validationFailed = (message: string, details: FieldIssue[] = []) =>
  new DomainError('validation_failed', message, details);
export const notFound = (what: string) => new DomainError('not_found', `${what} not found`);
export const conflict = (message: string) => new DomainError('conflict', message);
export const unauthorised = () =>
  new DomainError('unauthorised', 'A valid key is required: Authorization: Bearer <key>');
export const forbidden = (message = 'This key may not do that') => new DomainError('forbidden', message);
