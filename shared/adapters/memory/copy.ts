import { decodeCursor, encodeCursor } from '../cursor.js';

/**
 * What goes into and comes out of a memory store is a copy, as with a table: a caller that changes an object it
 * stored or read changes nothing stored. `undefined` fields are dropped, as the document client drops them.
 */
export function copy<T>(value: T): T {
  return structuredClone(withoutUndefined(value));
}

function withoutUndefined<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutUndefined) as T;
  if (value === null || typeof value !== 'object' || value instanceof Set || value instanceof Map)
    return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, field]) => field !== undefined)
      .map(([key, field]) => [key, withoutUndefined(field)]),
  ) as T;
}

/** Applies a change set as an update expression does: undefined removes a field, anything else sets it. */
export function applyChanges<T extends object>(target: T, changes: Record<string, unknown>): T {
  const next = { ...target } as Record<string, unknown>;
  for (const [field, value] of Object.entries(changes)) {
    if (value === undefined) delete next[field];
    else next[field] = copy(value);
  }
  return next as T;
}

/**
 * One page of items in key order after the cursor's key, and a cursor when more follow. Cursors are the
 * last key read, encoded as the DynamoDB adapters encode theirs; `invalid` says what an unknown one raises.
 */
export function pageOf<T>(
  sorted: [key: string, item: T][],
  cursor: string | undefined,
  limit: number,
  keyPattern: RegExp,
  invalid: () => Error,
): { items: T[]; cursor?: string } {
  const after = cursor === undefined ? undefined : decodeCursor(cursor, keyPattern);
  if (cursor !== undefined && after === undefined) throw invalid();
  const rest = after === undefined ? sorted : sorted.filter(([key]) => key > after);
  const page = rest.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(([, item]) => copy(item)),
    ...(rest.length > limit && last ? { cursor: encodeCursor(last[0]) } : {}),
  };
}

/** Map entries sorted by key, as a query returns them. */
export const byKey = <T>(entries: Iterable<[string, T]>) =>
  [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
