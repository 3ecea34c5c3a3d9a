import type * as z from 'zod/mini';
import type { FieldIssue } from './errors.js';

/** zod's issues as the API's field-level details: a dotted path and zod's own message. */
export function issuesOf(error: z.core.$ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.length > 0 ? issue.path.map(String).join('.') : '(body)',
    message: issue.message,
    code: issue.code,
  }));
}
