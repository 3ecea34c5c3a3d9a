import * as z from 'zod/mini';
import { LONGEST } from './path-limits.js';

const upTo = (length: number) => z.string().check(z.minLength(1), z.maxLength(length));

/** Every path parameter of the API and the pages, up to the longest valid value of its kind; the document states them. */
export const PATH_PARAMETERS: Record<string, z.ZodMiniString> = {
  orgId: upTo(LONGEST.id),
  roundId: upTo(LONGEST.id),
  keyId: upTo(LONGEST.id),
  actionId: upTo(LONGEST.id),
  listId: upTo(LONGEST.id),
  emailOrEmployeeId: upTo(LONGEST.email),
  token: upTo(LONGEST.link),
};
